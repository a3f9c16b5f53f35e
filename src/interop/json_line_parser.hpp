#pragma once

#include <cstddef>
#include <memory>

#include <rapidjson/document.h>
#include <rapidjson/reader.h>

#include "core/result.hpp"

namespace buyalign::interop {

// Parses one line of JSON Lines into a DOM, reusing its memory from line to line: the document's
// pool is reset (not freed) before each parse and strings are parsed in situ, so a typical line
// costs no heap allocation. Validates UTF-8 and refuses nesting deeper than `max_depth` (a
// recursive parser must not let input choose its stack depth).
//
// The returned value points into the parser and into the line's bytes; both must stay untouched
// while it is used, and the next Parse invalidates it. Not thread-safe: one parser per reader.
class JsonLineParser {
 public:
  explicit JsonLineParser(int max_depth);

  // Parses `text` (NUL-terminated at text[size], modified in place). Fails with kInvalidArgument:
  // "malformed JSON ..." or "invalid UTF-8 ..." with the byte position, or "nested deeper than".
  core::Result<const rapidjson::Value*> Parse(char* text, size_t size);

 private:
  static constexpr size_t kPoolBytes = 16 * 1024;

  int max_depth_;
  std::unique_ptr<char[]> pool_buffer_;
  rapidjson::MemoryPoolAllocator<> pool_;
  rapidjson::Document document_;
  rapidjson::Reader reader_;
};

}  // namespace buyalign::interop
