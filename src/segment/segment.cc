// Sentence splitting and Penn-Treebank-style tokenisation in one linear pass.
//
// Phase 1 walks the bytes once: whitespace (ASCII and Unicode) separates "chunks"; each
// chunk is cut PTB-style (leading punctuation, trailing punctuation with the abbreviation
// decision for a final period, inner separators, clitics). Alongside each token a small
// TokenInfo records its kind and the newlines before it.
// Phase 2 walks the tokens and places sentence boundaries (final punctuation plus closing
// quotes, abbreviations that may end a sentence before a closed list of sentence starters,
// paragraph breaks, headline lines, and a hard cap on sentence length).
//
// PETRARCH2 read CoreNLP output, so its patterns see PTB tokens: "Iran's" -> IRAN 'S,
// "don't" -> DO N'T, quotes as `` and ''. We reproduce that token stream without a parser.
#include "segment/segment.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "segment/segment_words.h"
#include "segment/text_chars.h"

namespace annalist {
namespace {

using segment::DecodeUtf8;
using segment::EqualsAsciiCaseInsensitive;
using segment::IsAllUpper;
using segment::IsAlnum;
using segment::IsAlpha;
using segment::IsC1Control;
using segment::IsDigit;
using segment::IsLower;
using segment::IsUnicodeSpace;
using segment::IsUpper;
using segment::Lower;
using segment::NormalizeUnicode;

// Later stages (tagger, chunker, pattern matcher) are linear in sentence length only if
// sentences stay bounded; text without punctuation is cut at this many tokens.
constexpr uint32_t kMaxSentenceTokens = 500;
// Most trailing punctuation marks peeled off one chunk ("U.S.)." has three).
constexpr int kMaxTrailing = 16;

enum class Kind : uint8_t {
  kWord,       // words, numbers, clitics, possessive '
  kFinal,      // . ! ? and runs such as ?!
  kEllipsis,   // ... and U+2026
  kOpen,       // opening quote or bracket
  kClose,      // closing quote or bracket
  kInner,      // , ; : - -- $ % and other punctuation inside a sentence
  kAbbrTitle,  // abbreviation that never ends a sentence (Mr. Gen. John F. Kennedy)
  kAbbrEnd,    // abbreviation that ends one before a sentence starter (U.S. Inc. a.m.)
  kAbbrEtc,    // etc. ends one before any capitalised word
};

struct TokenInfo {
  Kind kind;
  uint8_t newlines;        // newlines in the gap before the token, capped at 2 (paragraph)
  uint32_t prev_line_len;  // when newlines > 0: byte length of the last non-blank line
};

// Punctuation units recognised at a position (ASCII runs count as one unit).
enum class P : uint8_t {
  kNone, kDQuote, kSQuote, kBacktick, kOpenDQ, kCloseDQ, kOpenSQ, kRightSQ, kOpenBr,
  kCloseBr, kComma, kSemi, kColon, kFinal, kPeriod, kDots, kDashes, kHyphen, kEmDash,
  kEnDash, kDollar, kHash, kPercent,
};

struct Punct {
  P type = P::kNone;
  uint32_t len = 0;
};

enum class QuoteMode : uint8_t { kOpen, kClose, kAuto };

// ASCII byte classes for the outer scanner.
enum : uint8_t { kChar = 0, kSpace = 1, kNewline = 2, kCarriageReturn = 3, kControl = 4 };

struct AsciiTables {
  uint8_t cls[128];
  char upper[256];
  AsciiTables() {
    for (int c = 0; c < 128; ++c) cls[c] = kChar;
    for (int c = 0; c < 32; ++c) cls[c] = kControl;
    cls[0x7f] = kControl;
    cls[' '] = cls['\t'] = cls['\v'] = cls['\f'] = kSpace;
    cls['\n'] = kNewline;
    cls['\r'] = kCarriageReturn;
    for (int c = 0; c < 256; ++c) upper[c] = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  }
};
const AsciiTables kTables;

// Non-ASCII punctuation the tokenizer splits on, by code point.
inline P NonAsciiPunct(uint32_t cp) {
  switch (cp) {
    case 0x201C: case 0x201E: case 0x00AB: return P::kOpenDQ;   // “ „ «
    case 0x201D: case 0x00BB: return P::kCloseDQ;               // ” »
    case 0x2018: case 0x201A: return P::kOpenSQ;                // ‘ ‚
    case 0x2019: return P::kRightSQ;                            // ’
    case 0x2014: case 0x2015: return P::kEmDash;                // — ―
    case 0x2013: return P::kEnDash;                             // –
    case 0x2026: return P::kDots;                               // …
    default: return P::kNone;
  }
}

class Segmenter {
 public:
  Segmenter(Document* doc, std::vector<TokenInfo>* info, std::vector<uint32_t>* line_lens)
      : doc_(doc),
        s_(doc->text.data()),
        n_(static_cast<uint32_t>(std::min<size_t>(doc->text.size(), UINT32_MAX))),
        info_(*info),
        line_lens_(*line_lens) {}

  void Run() {
    doc_->tokens.clear();
    doc_->sentences.clear();
    info_.clear();
    line_lens_.clear();
    if (doc_->text.size() > UINT32_MAX) {
      doc_->warnings.push_back("segment: text longer than 4 GiB, only the first 4 GiB segmented");
    }
    doc_->tokens.reserve(n_ / 6 + 4);
    info_.reserve(n_ / 6 + 4);
    Tokenize();
    Split();
    if (bad_bytes_ > 0) {
      doc_->warnings.push_back("segment: " + std::to_string(bad_bytes_) +
                               " invalid UTF-8 or control byte(s) treated as separators (first "
                               "at byte " +
                               std::to_string(first_bad_) + ")");
    }
  }

 private:
  // ---------------------------------------------------------------- phase 1: tokens

  void Tokenize() {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    uint32_t pos = 0;
    while (pos < n_) {
      unsigned char c = u[pos];
      if (c < 0x80) {
        switch (kTables.cls[c]) {
          case kSpace: ++pos; continue;
          case kNewline: OnNewline(pos, 1); ++pos; continue;
          case kCarriageReturn:
            if (pos + 1 >= n_ || u[pos + 1] != '\n') OnNewline(pos, 1);
            ++pos;
            continue;
          case kControl: Bad(pos); ++pos; continue;
          default: break;
        }
      } else {
        uint32_t cp, len;
        if (!DecodeUtf8(u + pos, n_ - pos, &cp, &len)) { Bad(pos); ++pos; continue; }
        if (IsUnicodeSpace(cp)) {
          if (cp == 0x2028 || cp == 0x85) OnNewline(pos, 1);
          if (cp == 0x2029) OnNewline(pos, 2);
          pos += len;
          continue;
        }
        if (IsC1Control(cp)) { Bad(pos); pos += len; continue; }
      }
      // A chunk: maximal run of valid, non-space, non-control characters.
      uint32_t end = pos;
      while (end < n_) {
        unsigned char d = u[end];
        if (d < 0x80) {
          if (kTables.cls[d] != kChar) break;
          ++end;
        } else {
          uint32_t cp, len;
          if (!DecodeUtf8(u + end, n_ - end, &cp, &len) || IsUnicodeSpace(cp) || IsC1Control(cp))
            break;
          end += len;
        }
      }
      line_has_token_ = true;
      ProcessChunk(pos, end, true);
      pos = end;
    }
    if (line_has_token_) RecordLine(n_);
  }

  void OnNewline(uint32_t pos, int count) {
    if (line_has_token_) RecordLine(pos);
    line_has_token_ = false;
    line_start_ = pos + 1;
    pending_newlines_ += count;
    if (pending_newlines_ >= 2) {
      // A paragraph break closes any quotation left open (news quotes span paragraphs
      // by re-opening, never by leaving one open across a blank line).
      dquote_open_ = false;
    }
  }

  void RecordLine(uint32_t end) {
    uint32_t len = end - std::min(end, line_start_);
    last_line_len_ = len;
    line_lens_.push_back(len);
  }

  void Bad(uint32_t pos) {
    if (bad_bytes_ == 0) first_bad_ = pos;
    ++bad_bytes_;
  }

  // Adds a token; `norm` overrides the computed normal form when non-empty.
  void Emit(uint32_t b, uint32_t e, Kind kind, std::string_view norm = {}) {
    if (b >= e) return;
    Token& token = doc_->tokens.emplace_back();
    token.span = Span{b, e};
    if (!norm.empty()) {
      token.norm.assign(norm.data(), norm.size());
    } else {
      const auto* p = reinterpret_cast<const unsigned char*>(s_ + b);
      const uint32_t len = e - b;
      token.norm.resize(len);
      char* out = token.norm.data();
      unsigned char high = 0;
      for (uint32_t i = 0; i < len; ++i) {
        high |= p[i];
        out[i] = kTables.upper[p[i]];
      }
      if (high & 0x80) NormalizeUnicode(std::string_view(s_ + b, len), &token.norm);
    }
    info_.push_back(TokenInfo{kind, static_cast<uint8_t>(std::min(pending_newlines_, 2)),
                              last_line_len_});
    pending_newlines_ = 0;
  }

  void EmitQuote(uint32_t b, uint32_t e, bool is_double, QuoteMode mode) {
    bool& open_state = is_double ? dquote_open_ : squote_open_;
    bool open = mode == QuoteMode::kOpen || (mode == QuoteMode::kAuto && !open_state);
    open_state = open;
    if (is_double) {
      Emit(b, e, open ? Kind::kOpen : Kind::kClose, open ? "``" : "''");
    } else {
      Emit(b, e, open ? Kind::kOpen : Kind::kClose, open ? "`" : "'");
    }
  }

  // Punctuation unit starting at p (p < e).
  Punct PunctAt(uint32_t p, uint32_t e) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    unsigned char c = u[p];
    auto run = [&](unsigned char a, unsigned char b2) {
      uint32_t q = p;
      while (q < e && (u[q] == a || u[q] == b2)) ++q;
      return q - p;
    };
    switch (c) {
      case '"': return {P::kDQuote, 1};
      case '\'':
        // '' is the PTB/LaTeX closing double quote.
        if (p + 1 < e && u[p + 1] == '\'') return {P::kCloseDQ, 2};
        return {P::kSQuote, 1};
      case '`': return {P::kBacktick, run('`', '`')};
      case '(': case '[': case '{': return {P::kOpenBr, 1};
      case ')': case ']': case '}': return {P::kCloseBr, 1};
      case ',': return {P::kComma, 1};
      case ';': return {P::kSemi, 1};
      case ':': return {P::kColon, 1};
      case '!': case '?': return {P::kFinal, run('!', '?')};
      case '.': {
        uint32_t len = run('.', '.');
        return {len >= 2 ? P::kDots : P::kPeriod, len};
      }
      case '-': {
        uint32_t len = run('-', '-');
        return {len >= 2 ? P::kDashes : P::kHyphen, len};
      }
      case '$': return {P::kDollar, 1};
      case '#': return {P::kHash, 1};
      case '%': return {P::kPercent, 1};
      default: break;
    }
    if (c >= 0xC2) {
      uint32_t cp, len;
      if (DecodeUtf8(u + p, e - p, &cp, &len)) {
        P type = NonAsciiPunct(cp);
        if (type != P::kNone) return {type, len};
      }
    }
    return {};
  }

  // Punctuation unit ending at e (b < e).
  Punct PunctBefore(uint32_t b, uint32_t e) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    unsigned char c = u[e - 1];
    if (c < 0x80) {
      auto run = [&](unsigned char a, unsigned char b2) {
        uint32_t q = e;
        while (q > b && (u[q - 1] == a || u[q - 1] == b2)) --q;
        return q;
      };
      uint32_t start = e - 1;
      if (c == '!' || c == '?') start = run('!', '?');
      else if (c == '.') start = run('.', '.');
      else if (c == '-') start = run('-', '-');
      else if (c == '`') start = run('`', '`');
      else if (c == '\'' && e - b >= 2 && u[e - 2] == '\'') start = e - 2;
      Punct p = PunctAt(start, e);
      return p.len == e - start ? p : Punct{};
    }
    // Last code point: step back over continuation bytes (chunks are valid UTF-8).
    uint32_t start = e - 1;
    while (start > b && (u[start] & 0xC0) == 0x80) --start;
    Punct p = PunctAt(start, e);
    return p.len == e - start ? p : Punct{};
  }

  // "'s", "'re" ... at p (after the apostrophe at p - apos_len), followed by the chunk end
  // or a non-letter.
  bool CliticAt(uint32_t p, uint32_t e) const {
    static constexpr std::string_view kClitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (std::string_view clitic : kClitics) {
      if (p + clitic.size() > e) continue;
      if (!EqualsAsciiCaseInsensitive(std::string_view(s_ + p, clitic.size()), clitic)) continue;
      uint32_t after = p + static_cast<uint32_t>(clitic.size());
      if (after == e || !IsAlpha(static_cast<unsigned char>(s_[after]))) return true;
    }
    return false;
  }

  // Kind of `core` + ".", where the period sits at `period`. kWord: not an abbreviation.
  Kind AbbrevKind(uint32_t b, uint32_t period) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    const uint32_t len = period - b;
    if (len == 0) return Kind::kWord;
    std::string_view core(s_ + b, len);
    if (len == 1) {
      // Initials ("John F. Kennedy") and "v." (Roe v. Wade).
      if (IsUpper(u[b]) || u[b] == 'v') return Kind::kAbbrTitle;
      return Kind::kWord;
    }
    if (core.find('.') != std::string_view::npos) {
      // Dotted acronyms: U.S. U.N. E.U. a.m. Ph.D. N.Y. W.Va. e.g. i.e.; segments of one or
      // two letters so that host names (bbc.co.uk) stay out.
      uint32_t segment = 0;
      bool lower_only = true;
      for (unsigned char c : core) {
        if (c == '.') {
          if (segment == 0) return Kind::kWord;
          segment = 0;
        } else if (IsAlpha(c)) {
          if (++segment > 2) return Kind::kWord;
          if (IsUpper(c)) lower_only = false;
        } else {
          return Kind::kWord;
        }
      }
      if (segment == 0) return Kind::kWord;
      // e.g. and i.e. run on; a.m., p.m. and capital acronyms may end a sentence.
      if (lower_only && segment::FindAbbreviation(core, false) != segment::AbbrevClass::kEnd) {
        return Kind::kAbbrTitle;
      }
      return Kind::kAbbrEnd;
    }
    if (len > 6) return Kind::kWord;
    switch (segment::FindAbbreviation(core, IsAllUpper(core))) {
      case segment::AbbrevClass::kNone: return Kind::kWord;
      case segment::AbbrevClass::kTitle: return Kind::kAbbrTitle;
      case segment::AbbrevClass::kEnd: return Kind::kAbbrEnd;
      case segment::AbbrevClass::kEtc: return Kind::kAbbrEtc;
      case segment::AbbrevClass::kNumber: {  // "No. 5" but "said no."
        uint32_t q = period + 1;
        while (q < n_ && (u[q] == ' ' || u[q] == '\t')) ++q;
        return q < n_ && IsDigit(u[q]) ? Kind::kAbbrTitle : Kind::kWord;
      }
    }
    return Kind::kWord;
  }

  // Cuts one chunk. `allow_inner` is false for the pieces between inner separators (they
  // contain none), which bounds the recursion at one level.
  void ProcessChunk(uint32_t b, uint32_t e, bool allow_inner) {
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    // ---- leading punctuation
    while (b < e) {
      Punct p = PunctAt(b, e);
      const uint32_t next = b + p.len;
      bool stop = false;
      switch (p.type) {
        case P::kNone:
        case P::kHyphen:  // "-5", "-"
          stop = true;
          break;
        case P::kDQuote: {
          bool wordy = next < e && !std::strchr(".,;:!?)]}\"", s_[next]);
          EmitQuote(b, next, true, wordy ? QuoteMode::kOpen : QuoteMode::kAuto);
          break;
        }
        case P::kSQuote:
        case P::kRightSQ:
          // "'s" standing alone is a clitic; "'90s" keeps its apostrophe.
          if (CliticAt(next, e) || (next < e && IsDigit(u[next]))) {
            stop = true;
            break;
          }
          EmitQuote(b, next, false, next < e ? QuoteMode::kOpen : QuoteMode::kAuto);
          break;
        case P::kOpenSQ: EmitQuote(b, next, false, QuoteMode::kOpen); break;
        case P::kBacktick: Emit(b, next, Kind::kOpen, p.len >= 2 ? "``" : "`"); break;
        case P::kOpenDQ: EmitQuote(b, next, true, QuoteMode::kOpen); break;
        case P::kCloseDQ: EmitQuote(b, next, true, QuoteMode::kClose); break;
        case P::kOpenBr: Emit(b, next, Kind::kOpen); break;
        case P::kCloseBr: Emit(b, next, Kind::kClose); break;
        case P::kFinal: Emit(b, next, Kind::kFinal); break;
        case P::kDots: Emit(b, next, Kind::kEllipsis, "..."); break;
        case P::kPeriod:
          if (next < e && IsDigit(u[next])) {  // ".5"
            stop = true;
            break;
          }
          Emit(b, next, Kind::kFinal);
          break;
        case P::kDashes: Emit(b, next, Kind::kInner, "--"); break;
        case P::kEmDash:
        case P::kEnDash: Emit(b, next, Kind::kInner, "-"); break;
        default: Emit(b, next, Kind::kInner); break;  // , ; : $ # %
      }
      if (stop) break;
      b = next;
    }
    if (b >= e) return;

    // ---- trailing punctuation, collected right to left
    struct Pending {
      uint32_t b, e;
      P type;
      Kind kind;
      std::string_view norm;
      QuoteMode mode;
    };
    Pending trailing[kMaxTrailing];
    int trailing_count = 0;
    Kind core_kind = Kind::kWord;
    while (e > b && trailing_count < kMaxTrailing) {
      Punct p = PunctBefore(b, e);
      const uint32_t pb = e - p.len;
      Pending item{pb, e, p.type, Kind::kInner, {}, QuoteMode::kAuto};
      bool stop = false;
      switch (p.type) {
        case P::kNone:
        case P::kHyphen:
        case P::kOpenSQ:
        case P::kDollar:
        case P::kHash:
          stop = true;
          break;
        case P::kPeriod: {
          Kind abbrev = AbbrevKind(b, pb);
          if (abbrev != Kind::kWord) {
            core_kind = abbrev;
            stop = true;
            break;
          }
          item.kind = Kind::kFinal;
          break;
        }
        case P::kSQuote:
        case P::kRightSQ:
          if (pb > b && (u[pb - 1] == 's' || u[pb - 1] == 'S')) {
            item.kind = Kind::kWord;  // possessive: "Americans'" -> Americans '
            item.norm = "'";
          } else {
            item.mode = pb > b ? QuoteMode::kClose : QuoteMode::kAuto;
          }
          break;
        case P::kDQuote: item.mode = pb > b ? QuoteMode::kClose : QuoteMode::kAuto; break;
        case P::kCloseDQ: item.mode = QuoteMode::kClose; break;
        case P::kOpenDQ: item.mode = QuoteMode::kOpen; break;
        case P::kCloseBr: item.kind = Kind::kClose; break;
        case P::kOpenBr: item.kind = Kind::kOpen; break;
        case P::kBacktick:
          item.kind = Kind::kOpen;
          item.norm = p.len >= 2 ? "``" : "`";
          break;
        case P::kFinal: item.kind = Kind::kFinal; break;
        case P::kDots:
          item.kind = Kind::kEllipsis;
          item.norm = "...";
          break;
        case P::kDashes: item.norm = "--"; break;
        case P::kEmDash:
        case P::kEnDash: item.norm = "-"; break;
        default: break;  // , ; : %
      }
      if (stop) break;
      trailing[trailing_count++] = item;
      e = pb;
    }

    // ---- inner separators
    if (b < e) {
      bool split = false;
      if (allow_inner) {
        uint32_t piece = b;
        uint32_t i = b;
        while (i < e) {
          unsigned char c = u[i];
          uint32_t sep_len = 0;
          if (c < 0x80) {
            switch (c) {
              case '"': case '(': case ')': case '[': case ']': case '{': case '}': case ';':
              case '!': case '?':
                sep_len = 1;
                break;
              case '.':
              case '-':
                if (i + 1 < e && u[i + 1] == c) sep_len = 2;  // "..", "--"
                break;
              case ',':
                // 1,000 stays whole
                if (!(i > b && i + 1 < e && IsDigit(u[i - 1]) && IsDigit(u[i + 1]))) sep_len = 1;
                break;
              case ':':
                // 10:30 and http:// stay whole
                if (!(i > b && i + 1 < e && IsDigit(u[i - 1]) && IsDigit(u[i + 1])) &&
                    !(i + 2 < e && u[i + 1] == '/' && u[i + 2] == '/'))
                  sep_len = 1;
                break;
              default:
                break;
            }
            if (sep_len == 0) {
              ++i;
              continue;
            }
          } else {
            Punct p = PunctAt(i, e);
            if (p.type == P::kNone || p.type == P::kRightSQ || p.type == P::kOpenSQ ||
                p.type == P::kEnDash) {
              ++i;
              while (i < e && (u[i] & 0xC0) == 0x80) ++i;
              continue;
            }
            sep_len = p.len;
          }
          // Full unit at i (runs included).
          Punct sep = PunctAt(i, e);
          if (sep.len > sep_len) sep_len = sep.len;
          split = true;
          if (i > piece) ProcessChunk(piece, i, false);
          EmitInnerSeparator(i, i + sep_len, sep.type);
          i += sep_len;
          piece = i;
        }
        if (split && e > piece) ProcessChunk(piece, e, false);
      }
      if (!split) ProcessWord(b, e, core_kind);
    }

    // ---- trailing tokens, left to right
    for (int k = trailing_count - 1; k >= 0; --k) {
      const Pending& item = trailing[k];
      switch (item.type) {
        case P::kDQuote:
        case P::kCloseDQ:
        case P::kOpenDQ: EmitQuote(item.b, item.e, true, item.mode); break;
        case P::kSQuote:
        case P::kRightSQ:
          if (item.kind == Kind::kWord) {
            Emit(item.b, item.e, Kind::kWord, item.norm);
          } else {
            EmitQuote(item.b, item.e, false, item.mode);
          }
          break;
        default: Emit(item.b, item.e, item.kind, item.norm); break;
      }
    }
  }

  void EmitInnerSeparator(uint32_t b, uint32_t e, P type) {
    switch (type) {
      case P::kDQuote: EmitQuote(b, e, true, QuoteMode::kAuto); break;
      case P::kOpenDQ: EmitQuote(b, e, true, QuoteMode::kOpen); break;
      case P::kCloseDQ: EmitQuote(b, e, true, QuoteMode::kClose); break;
      case P::kOpenBr: Emit(b, e, Kind::kOpen); break;
      case P::kCloseBr: Emit(b, e, Kind::kClose); break;
      case P::kFinal: Emit(b, e, Kind::kFinal); break;
      case P::kDots: Emit(b, e, Kind::kEllipsis, "..."); break;
      case P::kDashes: Emit(b, e, Kind::kInner, "--"); break;
      case P::kEmDash: Emit(b, e, Kind::kInner, "-"); break;
      default: Emit(b, e, Kind::kInner); break;
    }
  }

  // A word without outer punctuation: splits clitics ("don't" -> do n't, "Iran's" -> Iran
  // 's) the way the PTB tokenizer behind PETRARCH2's CoreNLP parses did.
  void ProcessWord(uint32_t b, uint32_t e, Kind kind) {
    if (kind != Kind::kWord) {
      Emit(b, e, kind);
      return;
    }
    const auto* u = reinterpret_cast<const unsigned char*>(s_);
    const uint32_t len = e - b;
    if (len == 6 && EqualsAsciiCaseInsensitive(std::string_view(s_ + b, 6), "cannot")) {
      Emit(b, b + 3, Kind::kWord);
      Emit(b + 3, e, Kind::kWord);
      return;
    }
    if (len >= 3) {
      // n't / n’t
      if (Lower(u[e - 1]) == 't') {
        uint32_t apos = 0;
        if (u[e - 2] == '\'') {
          apos = e - 2;
        } else if (len >= 5 && u[e - 4] == 0xE2 && u[e - 3] == 0x80 && u[e - 2] == 0x99) {
          apos = e - 4;
        }
        if (apos > b + 1 && Lower(u[apos - 1]) == 'n') {
          Emit(b, apos - 1, Kind::kWord);
          Emit(apos - 1, e, Kind::kWord);
          return;
        }
      }
      // 's 're 've 'll 'd 'm with ' or ’
      for (uint32_t suffix = 1; suffix <= 2; ++suffix) {
        if (len < suffix + 2) break;
        uint32_t apos = 0;
        if (u[e - suffix - 1] == '\'') {
          apos = e - suffix - 1;
        } else if (len >= suffix + 4 && u[e - suffix - 3] == 0xE2 && u[e - suffix - 2] == 0x80 &&
                   u[e - suffix - 1] == 0x99) {
          apos = e - suffix - 3;
        } else {
          continue;
        }
        if (apos <= b) continue;
        std::string_view rest(s_ + e - suffix, suffix);
        const char a = Lower(static_cast<unsigned char>(rest[0]));
        const bool clitic = suffix == 1 ? (a == 's' || a == 'd' || a == 'm')
                                        : (EqualsAsciiCaseInsensitive(rest, "re") ||
                                           EqualsAsciiCaseInsensitive(rest, "ve") ||
                                           EqualsAsciiCaseInsensitive(rest, "ll"));
        if (clitic) {
          Emit(b, apos, Kind::kWord);
          Emit(apos, e, Kind::kWord);
          return;
        }
      }
    }
    Emit(b, e, IsPunctuationOnly(b, e) ? Kind::kInner : Kind::kWord);
  }

  bool IsPunctuationOnly(uint32_t b, uint32_t e) const {
    for (uint32_t i = b; i < e; ++i) {
      unsigned char c = static_cast<unsigned char>(s_[i]);
      if (c >= 0x80 || IsAlnum(c)) return false;
    }
    return true;
  }

  // ---------------------------------------------------------------- phase 2: sentences

  void Split() {
    const auto& tokens = doc_->tokens;
    const uint32_t count = static_cast<uint32_t>(tokens.size());
    if (count == 0) return;
    ComputeWrapping();
    doc_->sentences.reserve(count / 20 + 1);
    uint32_t start = 0;
    auto cut = [&](uint32_t end) {
      if (end > start) {
        Sentence sentence;
        sentence.span = Span{tokens[start].span.begin, tokens[end - 1].span.end};
        sentence.first_token = start;
        sentence.end_token = end;
        doc_->sentences.push_back(sentence);
      }
      start = end;
    };
    uint32_t i = 0;
    while (i < count) {
      if (i > start) {
        const uint8_t newlines = info_[i].newlines;
        if (newlines >= 2 || (newlines == 1 && NewlineBreaks(i))) cut(i);
      }
      if (i - start >= kMaxSentenceTokens) cut(i);
      const Kind kind = info_[i].kind;
      uint32_t next = i + 1;
      if (kind == Kind::kFinal || kind == Kind::kEllipsis || kind == Kind::kAbbrEnd ||
          kind == Kind::kAbbrEtc) {
        // Closing quotes and brackets after the final mark belong to the sentence that
        // ends (He said "go." Then ...), as do further marks (". . .", "? !").
        uint32_t j = i + 1;
        while (j < count && info_[j].newlines == 0 && j - start < kMaxSentenceTokens &&
               (info_[j].kind == Kind::kClose || info_[j].kind == Kind::kFinal ||
                info_[j].kind == Kind::kEllipsis)) {
          ++j;
        }
        if (j < count && j - start < kMaxSentenceTokens && EndsBefore(kind, j)) cut(j);
        next = j;
      }
      i = next;
    }
    cut(count);
  }

  // Whether text is hard-wrapped (most lines close to the widest one, as in wire copy
  // wrapped at 72 columns); there a single newline is no evidence of a boundary.
  void ComputeWrapping() {
    max_line_len_ = 0;
    for (uint32_t len : line_lens_) max_line_len_ = std::max(max_line_len_, len);
    uint32_t long_lines = 0;
    for (uint32_t len : line_lens_) {
      if (static_cast<uint64_t>(len) * 4 >= static_cast<uint64_t>(max_line_len_) * 3) ++long_lines;
    }
    wrapped_ = line_lens_.size() >= 4 && long_lines * 2 >= line_lens_.size() &&
               max_line_len_ <= 200;
  }

  // A single newline before token i ends the sentence when the line before carries no
  // final punctuation and is a line of its own (a headline such as "Disarming terrorist
  // outfits in the Iraqi Kurdistan Region"), not a wrapped line of a longer sentence.
  bool NewlineBreaks(uint32_t i) const {
    const Kind prev = info_[i - 1].kind;
    if (prev != Kind::kWord && prev != Kind::kClose && prev != Kind::kAbbrEnd &&
        prev != Kind::kAbbrEtc && prev != Kind::kAbbrTitle)
      return false;
    const Kind kind = info_[i].kind;
    if (kind == Kind::kInner || kind == Kind::kClose || kind == Kind::kFinal) return false;
    if (IsLower(static_cast<unsigned char>(s_[doc_->tokens[i].span.begin]))) return false;
    if (prev == Kind::kAbbrTitle) return false;  // "Gen.\nSmith"
    if (wrapped_ && static_cast<uint64_t>(info_[i].prev_line_len) * 4 >=
                        static_cast<uint64_t>(max_line_len_) * 3)
      return false;
    return true;
  }

  bool IsStarter(uint32_t j) const {
    const Token& token = doc_->tokens[j];
    return IsUpper(static_cast<unsigned char>(s_[token.span.begin])) && segment::IsSentenceStarter(token.norm);
  }

  // Whether a sentence ending in a mark of kind `kind` stops before token j.
  bool EndsBefore(Kind kind, uint32_t j) const {
    const Kind next_kind = info_[j].kind;
    if (next_kind == Kind::kInner) return false;  // ", ; :" continue the sentence
    const unsigned char first = static_cast<unsigned char>(s_[doc_->tokens[j].span.begin]);
    switch (kind) {
      case Kind::kFinal: return !IsLower(first);
      case Kind::kEllipsis: return next_kind == Kind::kOpen || IsUpper(first);
      case Kind::kAbbrEnd:
        return IsStarter(j) || (info_[j].newlines > 0 && IsUpper(first) && !wrapped_);
      case Kind::kAbbrEtc: return IsUpper(first) || next_kind == Kind::kOpen;
      default: return false;
    }
  }

  Document* doc_;
  const char* s_;
  uint32_t n_;
  std::vector<TokenInfo>& info_;
  std::vector<uint32_t>& line_lens_;

  int pending_newlines_ = 0;
  uint32_t last_line_len_ = 0;
  uint32_t line_start_ = 0;
  bool line_has_token_ = false;
  bool dquote_open_ = false;
  bool squote_open_ = false;
  uint64_t bad_bytes_ = 0;
  uint32_t first_bad_ = 0;
  uint32_t max_line_len_ = 0;
  bool wrapped_ = false;
};

}  // namespace

void Segment(Document* doc) {
  // Per-thread scratch reused across documents; released when it grew very large.
  thread_local std::vector<TokenInfo> info;
  thread_local std::vector<uint32_t> line_lens;
  Segmenter segmenter(doc, &info, &line_lens);
  segmenter.Run();
  if (info.capacity() > (1u << 20)) std::vector<TokenInfo>().swap(info);
  if (line_lens.capacity() > (1u << 18)) std::vector<uint32_t>().swap(line_lens);
}

}  // namespace annalist
