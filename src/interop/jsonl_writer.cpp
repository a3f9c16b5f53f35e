// WriteJsonLines (interop/jsonl.hpp): every stored record, encoded with its type, one per line.
#include "interop/jsonl.hpp"
#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

// Encodes each visited record into a reused buffer and flushes it to the stream in large
// writes. Borrows the stream. Not thread-safe (ScanAll calls it from one thread).
class JsonLinesVisitor final : public storage::Store::RecordVisitor {
 public:
  explicit JsonLinesVisitor(std::ostream& out) : out_(out) {}

  core::Status Visit(const domain::Team& r) override { return Write(r); }
  core::Status Visit(const domain::User& r) override { return Write(r); }
  core::Status Visit(const domain::Account& r) override { return Write(r); }
  core::Status Visit(const domain::Contact& r) override { return Write(r); }
  core::Status Visit(const domain::ContentItem& r) override { return Write(r); }
  core::Status Visit(const domain::Opportunity& r) override { return Write(r); }
  core::Status Visit(const domain::DmuMember& r) override { return Write(r); }
  core::Status Visit(const domain::Signal& r) override { return Write(r); }
  core::Status Visit(const domain::Activity& r) override { return Write(r); }
  core::Status Visit(const domain::ContentShare& r) override { return Write(r); }
  core::Status Visit(const domain::Outcome& r) override { return Write(r); }
  core::Status Visit(const domain::StageChange& r) override { return Write(r); }

  core::Status Flush() {
    out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    buffer_.Clear();
    out_.flush();
    if (!out_) return core::Fail(core::Error::Internal("could not write the output"));
    return {};
  }

 private:
  static constexpr size_t kFlushBytes = 1 << 20;

  template <class T>
  core::Status Write(const T& record) {
    JsonWriter writer(buffer_);  // a Writer is single-use: one root value each
    Encode(record, writer, EncodeOptions{.with_type = true});
    buffer_.Put('\n');
    if (buffer_.GetSize() >= kFlushBytes) return Flush();
    return {};
  }

  std::ostream& out_;
  rapidjson::StringBuffer buffer_;
};

}  // namespace

core::Status WriteJsonLines(storage::Store& store, std::ostream& out,
                            const storage::Viewer& viewer) {
  JsonLinesVisitor visitor(out);
  if (auto status = store.ScanAll(visitor, viewer); !status) return status;
  return visitor.Flush();
}

}  // namespace buyalign::interop
