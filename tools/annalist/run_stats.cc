#include "run_stats.h"

#include <cstdio>

namespace annalist::cli {

namespace {
constexpr auto kRedrawInterval = std::chrono::milliseconds(250);

double Seconds(std::chrono::steady_clock::duration d) { return std::chrono::duration<double>(d).count(); }
}  // namespace

RunStats::RunStats(bool progress) : progress_(progress), start_(Clock::now()) {
  coding_start_ = start_;
  next_draw_ = start_ + kRedrawInterval;
}

void RunStats::StartCoding() {
  coding_start_ = Clock::now();
  next_draw_ = coding_start_ + kRedrawInterval;
}

void RunStats::Tick() {
  if (!progress_) return;
  Clock::time_point now = Clock::now();
  if (now < next_draw_) return;
  next_draw_ = now + kRedrawInterval;
  Draw();
}

void RunStats::Draw() {
  double seconds = Seconds(Clock::now() - coding_start_);
  double rate = seconds > 0 ? static_cast<double>(sentences_) / seconds : 0.0;
  // Trailing spaces wipe what a longer previous line left behind.
  std::fprintf(stderr, "\r%llu articles, %llu sentences, %llu events, %.0f sentences/s   ",
               static_cast<unsigned long long>(articles_), static_cast<unsigned long long>(sentences_),
               static_cast<unsigned long long>(events_), rate);
  std::fflush(stderr);
  drawn_ = true;
}

void RunStats::FinishProgress() {
  if (!progress_ || !drawn_) return;
  Draw();
  std::fputc('\n', stderr);
  drawn_ = false;
}

void RunStats::PrintStats() const {
  Clock::time_point now = Clock::now();
  std::fprintf(stderr,
               "{\"stats\":{\"articles\":%llu,\"sentences\":%llu,\"events\":%llu,\"rejected\":%llu,\"set_aside\":%llu,"
               "\"seconds\":%.3f,\"load_seconds\":%.3f}}\n",
               static_cast<unsigned long long>(articles_), static_cast<unsigned long long>(sentences_),
               static_cast<unsigned long long>(events_), static_cast<unsigned long long>(rejected_),
               static_cast<unsigned long long>(set_aside_), Seconds(now - coding_start_), Seconds(coding_start_ - start_));
}

}  // namespace annalist::cli
