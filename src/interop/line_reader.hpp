#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>

#include "core/result.hpp"

namespace buyalign::interop {

// One line of input, without its "\n" or "\r\n", NUL-terminated and writable in place (a JSON
// parser may parse it in situ). Valid until the next call to LineReader::Next.
struct Line {
  char* data = nullptr;
  size_t size = 0;
  int64_t number = 0;  // 1-based
};

// Splits a stream into lines through one reusable buffer: no allocation per line, no copy of a
// line's bytes (they are read once into the buffer and handed out in place). A line longer than
// `max_line_bytes` fails with kPayloadTooLarge as soon as that many bytes are seen, so one bad
// file cannot exhaust memory. The last line may lack its "\n".
//
// Owns its buffer; borrows the stream, which must outlive it. Not thread-safe.
class LineReader {
 public:
  LineReader(std::istream& in, size_t max_line_bytes);

  // Reads the next line into `line`: true when there is one, false at the end of the input.
  // Fails with kPayloadTooLarge (naming the line) or kInternal on a read error.
  core::Result<bool> Next(Line& line);

  // Bytes of input handed out as lines so far (including line endings), for progress.
  size_t bytes_consumed() const { return consumed_; }

 private:
  // Moves the unread tail to the front and reads more; false when the stream has ended.
  core::Result<bool> Refill();
  core::Error TooLong() const;

  std::istream& in_;
  size_t max_line_bytes_;
  size_t capacity_;  // usable bytes; one more is kept for the terminating NUL of a last line
  std::unique_ptr<char[]> buffer_;
  size_t begin_ = 0;  // first byte of the line being read
  size_t scan_ = 0;   // bytes before this are known not to be '\n'
  size_t end_ = 0;    // end of the bytes read
  bool eof_ = false;
  int64_t line_number_ = 0;
  size_t consumed_ = 0;
};

}  // namespace buyalign::interop
