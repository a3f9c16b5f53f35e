#include "interop/line_reader.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace buyalign::interop {
namespace {

std::vector<std::string> ReadAll(const std::string& text, size_t max_line = 1 << 20) {
  std::istringstream in(text);
  LineReader reader(in, max_line);
  std::vector<std::string> lines;
  Line line;
  for (;;) {
    auto more = reader.Next(line);
    EXPECT_TRUE(more.has_value());
    if (!more || !*more) break;
    EXPECT_EQ(line.data[line.size], '\0');
    EXPECT_EQ(line.number, static_cast<int64_t>(lines.size() + 1));
    lines.emplace_back(line.data, line.size);
  }
  EXPECT_EQ(reader.bytes_consumed(), text.size());
  return lines;
}

TEST(LineReader, SplitsOnNewlinesAndStripsCarriageReturns) {
  EXPECT_EQ(ReadAll("a\nbb\r\n\nccc"), (std::vector<std::string>{"a", "bb", "", "ccc"}));
  EXPECT_EQ(ReadAll("a\n"), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(ReadAll("").empty());
}

TEST(LineReader, LinesSpanningManyRefillsComeOutWhole) {
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 3000; ++i) {
    expected.push_back(std::string(static_cast<size_t>(i * 7 % 1000), 'x') + std::to_string(i));
    text += expected.back() + (i % 2 ? "\r\n" : "\n");
  }
  EXPECT_EQ(ReadAll(text), expected);
}

TEST(LineReader, LineOfExactlyTheLimitIsAccepted) {
  EXPECT_EQ(ReadAll("abcd\r\nef", 4), (std::vector<std::string>{"abcd", "ef"}));
}

TEST(LineReader, OverLongLineFailsNamingItsNumber) {
  std::istringstream in("ok\n" + std::string(5000, 'x') + "\nnever read\n");
  LineReader reader(in, 100);
  Line line;
  ASSERT_TRUE(*reader.Next(line));
  auto second = reader.Next(line);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code, core::ErrorCode::kPayloadTooLarge);
  EXPECT_EQ(second.error().line, 2);
}

TEST(LineReader, OverLongLastLineWithoutNewlineFails) {
  std::istringstream in("ok\n" + std::string(101, 'x'));
  LineReader reader(in, 100);
  Line line;
  ASSERT_TRUE(*reader.Next(line));
  auto second = reader.Next(line);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().line, 2);
}

}  // namespace
}  // namespace buyalign::interop
