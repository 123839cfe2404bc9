// Tagger: loads the model written by tools/train_tagger and tags sentences.
//
// The build converts the text model below to a binary one (ModelTextToBinary, cmake/tagger.cmake)
// and embeds that: parsing 13.8 MB of text took ~58 ms and 468 M instructions per process; the
// binary tables are used where they lie in .rodata. Binary layout:
//   64-byte header: "annalist-tagger-binary\0", uint32 format version, uint32 class count,
//                   uint64 hash of the Penn class names in Pos order (a model built for another
//                   Pos enum is refused), uint64 0x0102030405060708 (byte order)
//   then PerceptronModel and Lemmatizer sections (src/tag/perceptron.cc, AppendBinary).
//
// Model text format (one record per line, fields separated by single spaces):
//   annalist-tagger 1
//   classes <n> <name of class 0> ... <name of class n-1>      (Penn names; class 0 "NONE")
//   tagdict <count>            then <count> lines "<hex exact-word hash> <class>"
//   vocabulary <count>         then <count> lines "<hex lower-case word hash>"
//   features <count>           then <count> lines "<hex feature hash> <class>:<weight> ..."
//   exceptions <count>         then lines "<v|n|m> <word> <lemma>" (lower case)
//   bases <v|n> <count>        then <count> lines "<word>"
//   end
#include <charconv>
#include <cstdint>
#include <new>
#include <cstdio>
#include <cstring>
#include <vector>

#include "tag/perceptron.h"
#include "tag/tagger.h"

namespace annalist {
namespace {

class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    *line = text_.substr(pos_, end - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  int number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

// Splits off the next space-separated field.
std::string_view NextField(std::string_view* line) {
  size_t space = line->find(' ');
  std::string_view field = line->substr(0, space);
  *line = space == std::string_view::npos ? std::string_view() : line->substr(space + 1);
  return field;
}

template <typename T>
bool ParseNumber(std::string_view s, T* value, int base = 10) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value, base);
  return ec == std::errc() && ptr == s.data() + s.size();
}

bool ParseFloat(std::string_view s, float* value) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

constexpr char kBinaryMagic[24] = "annalist-tagger-binary";
constexpr uint32_t kBinaryVersion = 1;
constexpr uint64_t kByteOrder = 0x0102030405060708ull;

struct BinaryHeader {
  char magic[24];
  uint32_t version;
  uint32_t classes;
  uint64_t class_names;
  uint64_t byte_order;
  char padding[16];
};
static_assert(sizeof(BinaryHeader) == 64);

uint64_t ClassNamesHash() {
  uint64_t h = 0;
  for (int c = 1; c < tag::kNumClasses; ++c) h = tag::Mix(h, tag::HashBytes(PosName(static_cast<Pos>(c))));
  return h;
}

class PerceptronTagger final : public Tagger {
 public:
  tag::PerceptronModel model;
  tag::Lemmatizer lemmatizer;
  // A binary model not aligned in memory is copied here (64-byte aligned) and viewed.
  struct AlignedDelete {
    void operator()(char* p) const { ::operator delete[](p, std::align_val_t(64)); }
  };
  std::unique_ptr<char[], AlignedDelete> storage;

  void Tag(Document* doc, const Sentence& sentence) const override {
    struct Scratch {
      std::vector<std::string_view> texts;
      std::vector<char> opens;
      std::vector<tag::WordInfo> words;
      std::vector<Pos> tags;
    };
    thread_local Scratch scratch;
    size_t n = sentence.size();
    if (n == 0 || sentence.end_token > doc->tokens.size()) return;
    scratch.texts.resize(n);
    scratch.opens.resize(n);
    scratch.words.resize(n);
    scratch.tags.resize(n);
    const std::string& text = doc->text;
    for (size_t i = 0; i < n; ++i) {
      const Token& token = doc->tokens[sentence.first_token + i];
      std::string_view written;
      // The norm is upper case; capitalisation features need the text as written.
      if (!token.span.empty() && token.span.end <= text.size()) written = doc->Slice(token.span);
      if (written.empty()) written = token.norm;
      scratch.texts[i] = written;
      bool opens = false;
      if (written == "\"") {
        // A straight double quote opens when nothing but space or an opening bracket precedes.
        size_t at = token.span.begin;
        char before = at > 0 && at <= text.size() ? text[at - 1] : ' ';
        opens = at == 0 || before == ' ' || before == '\n' || before == '\t' || before == '(' ||
                before == '[' || (i == 0);
      }
      scratch.opens[i] = opens;
    }
    tag::DescribeSentence(scratch.texts.data(), reinterpret_cast<const bool*>(scratch.opens.data()),
                          n, scratch.words.data(), scratch.tags.data());
    model.Tag(scratch.words.data(), n, scratch.tags.data());
    for (size_t i = 0; i < n; ++i) {
      Token& token = doc->tokens[sentence.first_token + i];
      token.pos = scratch.tags[i];
      if (token.norm.empty()) {
        std::string upper(scratch.texts[i]);
        for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        lemmatizer.Lemmatize(upper, token.pos, &token.lemma);
      } else {
        lemmatizer.Lemmatize(token.norm, token.pos, &token.lemma);
      }
    }
  }
};

Result<std::shared_ptr<PerceptronTagger>> ParseModelText(std::string_view model_text);

}  // namespace

Result<std::shared_ptr<const Tagger>> Tagger::FromModelText(std::string_view model_text) {
  auto tagger = ParseModelText(model_text);
  if (!tagger.ok()) return tagger.status();
  return std::shared_ptr<const Tagger>(std::move(*tagger));
}

Result<std::string> Tagger::ModelTextToBinary(std::string_view model_text) {
  auto tagger = ParseModelText(model_text);
  if (!tagger.ok()) return tagger.status();
  BinaryHeader header{};
  std::memcpy(header.magic, kBinaryMagic, sizeof(kBinaryMagic));
  header.version = kBinaryVersion;
  header.classes = tag::kNumClasses;
  header.class_names = ClassNamesHash();
  header.byte_order = kByteOrder;
  std::string out(reinterpret_cast<const char*>(&header), sizeof(header));
  (*tagger)->model.AppendBinary(&out);
  (*tagger)->lemmatizer.AppendBinary(&out);
  return out;
}

Result<std::shared_ptr<const Tagger>> Tagger::FromModelBinary(std::string_view model, bool verify) {
  auto tagger = std::make_shared<PerceptronTagger>();
  if (reinterpret_cast<uintptr_t>(model.data()) % 64 != 0) {
    // Rare (tests reading a file into a string): copy to aligned storage.
    auto* raw = new (std::align_val_t(64)) char[model.size()];
    tagger->storage.reset(raw);
    std::memcpy(raw, model.data(), model.size());
    model = std::string_view(raw, model.size());
  }
  BinaryHeader header;
  if (model.size() < sizeof(header)) return DataLoss("tagger binary model: truncated header");
  std::memcpy(&header, model.data(), sizeof(header));
  if (std::memcmp(header.magic, kBinaryMagic, sizeof(kBinaryMagic)) != 0) {
    return DataLoss("tagger binary model: not an annalist binary tagger model");
  }
  if (header.version != kBinaryVersion || header.byte_order != kByteOrder ||
      header.classes != tag::kNumClasses || header.class_names != ClassNamesHash()) {
    return DataLoss("tagger binary model: built for another version, byte order or tag set (rebuild)");
  }
  size_t offset = sizeof(header);
  if (!tagger->model.ViewBinary(model, verify, &offset) ||
      !tagger->lemmatizer.ViewBinary(model, verify, &offset) ||
      offset != model.size()) {
    return DataLoss("tagger binary model: malformed or truncated");
  }
  return std::shared_ptr<const Tagger>(std::move(tagger));
}

namespace {

Result<std::shared_ptr<PerceptronTagger>> ParseModelText(std::string_view model_text) {
  auto tagger = std::make_shared<PerceptronTagger>();
  LineReader reader(model_text);
  std::string_view line;
  auto error = [&](const char* what) {
    return DataLoss("tagger model:" + std::to_string(reader.number()) + ": " + what);
  };
  if (!reader.Next(&line) || line != "annalist-tagger 1") return error("not an annalist tagger model");
  std::vector<Pos> class_pos;
  bool ended = false;
  std::vector<std::pair<uint8_t, float>> row;
  while (!ended && reader.Next(&line)) {
    std::string_view rest = line;
    std::string_view keyword = NextField(&rest);
    if (keyword == "end") {
      ended = true;
    } else if (keyword == "classes") {
      size_t count = 0;
      if (!ParseNumber(NextField(&rest), &count)) return error("bad class count");
      for (size_t c = 0; c < count; ++c) {
        std::string_view name = NextField(&rest);
        class_pos.push_back(name == "NONE" ? Pos::kNone : PosFromName(name));
        if (c > 0 && class_pos.back() == Pos::kNone) return error("unknown tag name");
      }
    } else if (keyword == "tagdict") {
      size_t count = 0;
      if (!ParseNumber(NextField(&rest), &count)) return error("bad tagdict count");
      for (size_t e = 0; e < count; ++e) {
        if (!reader.Next(&line)) return error("truncated tagdict");
        uint64_t key = 0;
        size_t cls = 0;
        if (!ParseNumber(NextField(&line), &key, 16) || !ParseNumber(line, &cls) ||
            cls >= class_pos.size()) {
          return error("bad tagdict entry");
        }
        tagger->model.AddTagDictionary(key, class_pos[cls]);
      }
    } else if (keyword == "vocabulary") {
      size_t count = 0;
      if (!ParseNumber(NextField(&rest), &count)) return error("bad vocabulary count");
      for (size_t e = 0; e < count; ++e) {
        uint64_t key = 0;
        if (!reader.Next(&line) || !ParseNumber(line, &key, 16)) return error("bad vocabulary entry");
        tagger->model.AddVocabulary(key);
      }
    } else if (keyword == "features") {
      size_t count = 0;
      if (!ParseNumber(NextField(&rest), &count)) return error("bad feature count");
      for (size_t e = 0; e < count; ++e) {
        if (!reader.Next(&line)) return error("truncated features");
        uint64_t key = 0;
        if (!ParseNumber(NextField(&line), &key, 16)) return error("bad feature key");
        row.clear();
        while (!line.empty()) {
          std::string_view entry = NextField(&line);
          size_t colon = entry.find(':');
          size_t cls = 0;
          float weight = 0;
          if (colon == std::string_view::npos || !ParseNumber(entry.substr(0, colon), &cls) ||
              !ParseFloat(entry.substr(colon + 1), &weight) || cls >= class_pos.size() ||
              class_pos[cls] == Pos::kNone) {
            return error("bad feature weight");
          }
          row.emplace_back(static_cast<uint8_t>(class_pos[cls]), weight);
        }
        tagger->model.AddFeature(key, row);
      }
    } else if (keyword == "exceptions") {
      size_t count = 0;
      if (!ParseNumber(NextField(&rest), &count)) return error("bad exception count");
      for (size_t e = 0; e < count; ++e) {
        if (!reader.Next(&line)) return error("truncated exceptions");
        std::string_view cls = NextField(&line);
        std::string_view word = NextField(&line);
        if (cls.size() != 1 || word.empty() || line.empty()) return error("bad exception");
        tagger->lemmatizer.AddException(cls[0], word, line);
      }
    } else if (keyword == "bases") {
      std::string_view cls = NextField(&rest);
      size_t count = 0;
      if (cls.size() != 1 || !ParseNumber(NextField(&rest), &count)) return error("bad bases header");
      for (size_t e = 0; e < count; ++e) {
        if (!reader.Next(&line)) return error("truncated bases");
        tagger->lemmatizer.AddBase(cls[0], line);
      }
    } else if (!keyword.empty()) {
      return error("unknown record");
    }
  }
  if (!ended) return error("missing 'end' (truncated model)");
  tagger->model.Finish();
  tagger->lemmatizer.Finish();
  return tagger;
}

}  // namespace

}  // namespace annalist
