#include "crm/csv_reader.hpp"

#include <gtest/gtest.h>

#include "crm/csv_writer.hpp"

namespace buyalign::crm {
namespace {

// Reads every record of `text`, or the first error's message.
struct Read {
  std::vector<CsvRecord> records;
  std::string error;
  char separator = 0;
  std::vector<std::string> header;
};

Read ReadAll(std::string text) {
  Read out;
  auto reader = CsvReader::FromText("t.csv", std::move(text));
  if (!reader) {
    out.error = reader.error().message;
    return out;
  }
  out.separator = reader->separator();
  out.header = reader->header();
  CsvRecord record;
  while (true) {
    auto more = reader->Next(record);
    if (!more) {
      out.error = more.error().message;
      return out;
    }
    if (!*more) return out;
    out.records.push_back(record);
  }
}

TEST(CsvReader, ReadsQuotedFieldsWithSeparatorsQuotesAndNewlines) {
  auto read = ReadAll("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n");
  ASSERT_EQ(read.error, "");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(read.records[0].line, 2);
  EXPECT_EQ(read.records[1].line, 4);  // the physical line, after the embedded newline
}

TEST(CsvReader, SkipsTheUtf8ByteOrderMark) {
  auto read = ReadAll("\xEF\xBB\xBFId,Name\n1,Zoë\n");
  ASSERT_EQ(read.error, "");
  EXPECT_EQ(read.header, (std::vector<std::string>{"Id", "Name"}));
  EXPECT_EQ(read.records[0].fields[1], "Zoë");
}

TEST(CsvReader, SniffsSemicolonSeparatorFromTheHeader) {
  auto read = ReadAll("\"a,1\";b;c\n1,5;2;3\n");
  ASSERT_EQ(read.error, "");
  EXPECT_EQ(read.separator, ';');
  EXPECT_EQ(read.header[0], "a,1");
  EXPECT_EQ(read.records[0].fields, (std::vector<std::string>{"1,5", "2", "3"}));
}

TEST(CsvReader, AcceptsCrlfAndKeepsCrlfInsideQuotes) {
  auto read = ReadAll("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n");
  ASSERT_EQ(read.error, "");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].fields[1], "x\r\ny");
  EXPECT_EQ(read.records[1].fields, (std::vector<std::string>{"2", "z"}));
  EXPECT_EQ(read.records[1].line, 4);
}

TEST(CsvReader, SkipsBlankLinesButCountsThem) {
  auto read = ReadAll("a,b\n\n1,2\n   \n3,4");
  ASSERT_EQ(read.error, "");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[0].line, 3);
  EXPECT_EQ(read.records[1].line, 5);
}

TEST(CsvReader, TrimsUnquotedSpacesButKeepsQuotedOnes) {
  auto read = ReadAll("a,b\n  1 ,\" 2 \"\n");
  ASSERT_EQ(read.error, "");
  EXPECT_EQ(read.records[0].fields, (std::vector<std::string>{"1", " 2 "}));
}

TEST(CsvReader, QuoteInsideUnquotedFieldNamesLineAndColumn) {
  auto read = ReadAll("Id,Name,City\n1,ok,x\n2,Bad \"name,y\n");
  EXPECT_NE(read.error.find("t.csv: line 3, column 2 (Name): malformed quoting"), std::string::npos)
      << read.error;
}

TEST(CsvReader, TextAfterClosingQuoteIsAnError) {
  auto read = ReadAll("Id,Name\n1,\"abc\"def\n");
  EXPECT_NE(read.error.find("line 2, column 2 (Name)"), std::string::npos) << read.error;
}

TEST(CsvReader, UnclosedQuoteNamesTheLineWhereTheRecordStarts) {
  auto read = ReadAll("Id,Name\n1,ok\n2,\"never closed\n3,more\n4,rows\n");
  EXPECT_NE(read.error.find("line 3, column 2 (Name): a quoted field is never closed"),
            std::string::npos)
      << read.error;
}

TEST(CsvReader, RaggedRowsAreErrors) {
  auto short_row = ReadAll("a,b,c\n1,2\n");
  EXPECT_NE(
      short_row.error.find("line 2, column 3 (c): the record has 2 fields but the header has 3"),
      std::string::npos)
      << short_row.error;
  auto long_row = ReadAll("a,b\n1,2\n1,2,3\n");
  EXPECT_NE(long_row.error.find("line 3, column 3: the record has 3 fields"), std::string::npos)
      << long_row.error;
}

TEST(CsvReader, EmptyFileAndDuplicateHeaderAreErrors) {
  EXPECT_NE(ReadAll("").error.find("expected a header row"), std::string::npos);
  EXPECT_NE(ReadAll("\n\n").error.find("expected a header row"), std::string::npos);
  EXPECT_NE(ReadAll("Id,Name,Id\n").error.find("column 3 (Id): the column appears twice"),
            std::string::npos);
}

TEST(CsvReader, LastRecordWithoutNewlineIsRead) {
  auto read = ReadAll("a\n1\n2");
  ASSERT_EQ(read.error, "");
  ASSERT_EQ(read.records.size(), 2u);
  EXPECT_EQ(read.records[1].fields[0], "2");
}

TEST(CsvReader, ReadsBackWhatCsvWriterWrites) {
  std::string path = testing::TempDir() + "/crm_writer_test.csv";
  std::vector<std::string> awkward{"plain",     "comma, inside", "quote \" inside",
                                   "new\nline", " padded ",      ""};
  {
    auto writer = CsvWriter::Create(path, {"a", "b", "c", "d", "e", "f"});
    ASSERT_TRUE(writer);
    writer->Row(awkward);
    ASSERT_TRUE(writer->Close());
  }
  auto reader = CsvReader::Open(path);
  ASSERT_TRUE(reader) << reader.error().message;
  CsvRecord record;
  ASSERT_TRUE(reader->Next(record).value());
  EXPECT_EQ(record.fields, awkward);
  EXPECT_FALSE(reader->Next(record).value());
}

TEST(CsvReader, MissingFileIsNotFound) {
  auto reader = CsvReader::Open("/nonexistent/dir/file.csv");
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code, core::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace buyalign::crm
