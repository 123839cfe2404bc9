// Counters of one coding run: the `--stats` summary line and the progress line shown on a
// terminal. Both write to stderr only; stdout carries nothing but events.
#ifndef ANNALIST_TOOLS_RUN_STATS_H_
#define ANNALIST_TOOLS_RUN_STATS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace annalist::cli {

class RunStats {
 public:
  // `progress`: draw a progress line (the caller passes isatty(stderr)); refreshed at most
  // four times a second with '\r', so a long run costs nothing noticeable.
  explicit RunStats(bool progress);

  // Starts the coding clock (after loading), so `seconds` and the rate exclude loading.
  void StartCoding();
  void AddArticle(size_t sentences, size_t events) {
    ++articles_;
    sentences_ += sentences;
    events_ += events;
  }
  void SetRejected(uint64_t rejected) { rejected_ = rejected; }
  // Events coded but not written (--asserted-only: negated, future, conditional, intent).
  void AddSetAside(uint64_t events) { set_aside_ += events; }
  // Counts of the part of a run done before (--resume).
  void Restore(uint64_t articles, uint64_t sentences, uint64_t events, uint64_t set_aside) {
    articles_ = articles;
    sentences_ = sentences;
    events_ = events;
    set_aside_ = set_aside;
  }
  // Redraws the progress line if it is due.
  void Tick();
  // Ends the progress line (a final redraw and a newline) if one was drawn.
  void FinishProgress();
  // {"stats":{"articles":N,"sentences":N,"events":N,"rejected":N,"set_aside":N,"seconds":S,"load_seconds":S}}
  void PrintStats() const;

  uint64_t sentences() const { return sentences_; }
  uint64_t articles() const { return articles_; }
  uint64_t events() const { return events_; }
  uint64_t set_aside() const { return set_aside_; }

 private:
  using Clock = std::chrono::steady_clock;
  void Draw();

  bool progress_;
  bool drawn_ = false;
  Clock::time_point start_;          // process start (construction)
  Clock::time_point coding_start_;   // StartCoding()
  Clock::time_point next_draw_;
  uint64_t articles_ = 0, sentences_ = 0, events_ = 0, rejected_ = 0, set_aside_ = 0;
};

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_RUN_STATS_H_
