#include "interop/line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace buyalign::interop {
namespace {

// Big enough that a read per refill amortises the stream's overhead; small enough to stay in L2.
constexpr size_t kMinBuffer = 256 * 1024;

}  // namespace

LineReader::LineReader(std::istream& in, size_t max_line_bytes)
    : in_(in),
      max_line_bytes_(max_line_bytes),
      // Room for the longest allowed line, its "\r\n", and more to read in the same pass.
      capacity_(std::max(kMinBuffer, max_line_bytes + 2)),
      buffer_(new char[capacity_ + 1]) {}

core::Error LineReader::TooLong() const {
  core::Error error;
  error.code = core::ErrorCode::kPayloadTooLarge;
  error.message = "line longer than " + std::to_string(max_line_bytes_) + " bytes";
  error.line = line_number_ + 1;
  return error;
}

core::Result<bool> LineReader::Refill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    scan_ -= begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  in_.read(buffer_.get() + end_, static_cast<std::streamsize>(capacity_ - end_));
  auto got = static_cast<size_t>(in_.gcount());
  if (in_.bad()) return core::Fail(core::Error::Internal("could not read the input"));
  end_ += got;
  if (got == 0) eof_ = true;
  return got > 0;
}

core::Result<bool> LineReader::Next(Line& line) {
  for (;;) {
    char* base = buffer_.get();
    auto* newline = static_cast<char*>(std::memchr(base + scan_, '\n', end_ - scan_));
    size_t line_end = 0;    // one past the line's last byte, line ending excluded
    size_t next_begin = 0;  // where the following line starts
    if (newline != nullptr) {
      line_end = static_cast<size_t>(newline - base);
      next_begin = line_end + 1;
    } else {
      scan_ = end_;
      // The line so far (plus a possible "\r") already exceeds the limit: stop reading it.
      if (end_ - begin_ > max_line_bytes_ + 1) return core::Fail(TooLong());
      auto more = Refill();
      if (!more) return core::Fail(more.error());
      if (*more) continue;
      if (begin_ == end_) return false;
      line_end = end_;  // a last line without "\n"
      next_begin = end_;
      base = buffer_.get();
    }
    if (line_end > begin_ && base[line_end - 1] == '\r') --line_end;
    if (line_end - begin_ > max_line_bytes_) return core::Fail(TooLong());
    base[line_end] = '\0';  // overwrites the line ending (or the spare byte after the buffer)
    line.data = base + begin_;
    line.size = line_end - begin_;
    line.number = ++line_number_;
    consumed_ += next_begin - begin_;
    begin_ = scan_ = next_begin;
    return true;
  }
}

}  // namespace buyalign::interop
