#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace buyalign::http {
namespace {

using NameValue = std::pair<std::string, std::string>;

// A part's header block is a few short lines; anything longer is not a form.
constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr std::string_view kCrlf = "\r\n";

core::Error Bad(std::string message) { return core::Error::Invalid(std::move(message), "body"); }

core::Error BadPart(size_t part, const std::string& what) {
  return Bad("multipart body, part " + std::to_string(part) + ": " + what);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// `; name=value; name="quoted \" value"` after a media type or disposition type. Names come
// back in lower case. Fails on an unterminated quoted string or a parameter without '='.
core::Result<std::vector<NameValue>> ParseParameters(std::string_view text) {
  std::vector<NameValue> out;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  while (true) {
    skip_space();
    if (i == text.size()) return out;
    if (text[i] != ';')
      return core::Fail(Bad("expected ';' before \"" + std::string(text.substr(i)) + "\""));
    ++i;
    skip_space();
    if (i == text.size()) return out;  // a trailing ';' is harmless
    size_t eq = text.find('=', i);
    if (eq == std::string_view::npos) {
      return core::Fail(
          Bad("parameter \"" + std::string(Trim(text.substr(i))) + "\" has no value"));
    }
    std::string name = Lower(Trim(text.substr(i, eq - i)));
    i = eq + 1;
    skip_space();
    std::string value;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        char c = text[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && i < text.size()) c = text[i++];
        value.push_back(c);
      }
      if (!closed) return core::Fail(Bad("parameter " + name + ": unterminated quoted string"));
    } else {
      size_t end = text.find(';', i);
      if (end == std::string_view::npos) end = text.size();
      value = std::string(Trim(text.substr(i, end - i)));
      i = end;
    }
    out.emplace_back(std::move(name), std::move(value));
  }
}

const std::string* FindParameter(const std::vector<NameValue>& parameters, std::string_view name) {
  for (const auto& [key, value] : parameters) {
    if (key == name) return &value;
  }
  return nullptr;
}

// RFC 2046 bchars; a space may not end the boundary.
bool ValidBoundary(std::string_view boundary) {
  if (boundary.empty() || boundary.size() > 70 || boundary.back() == ' ') return false;
  constexpr std::string_view kSpecials = "'()+_,-./:=? ";
  return std::all_of(boundary.begin(), boundary.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || kSpecials.find(c) != kSpecials.npos;
  });
}

// Old browsers send the whole client path ("C:\\exports\\Account.csv"): keep the last segment.
std::string BaseName(std::string_view filename) {
  size_t slash = filename.find_last_of("/\\");
  if (slash != std::string_view::npos) filename.remove_prefix(slash + 1);
  return std::string(filename);
}

// Reads the header block of part `index` into `part`.
core::Status ParseHeaders(std::string_view block, size_t index, FormPart& part) {
  bool disposition = false;
  while (!block.empty()) {
    size_t end = block.find(kCrlf);
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return core::Fail(BadPart(index, "header line without ':'"));
    }
    std::string name = Lower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type") {
      part.content_type = std::string(value);
    } else if (name == "content-transfer-encoding") {
      std::string encoding = Lower(value);
      if (encoding != "binary" && encoding != "8bit" && encoding != "7bit") {
        return core::Fail(BadPart(index, "Content-Transfer-Encoding " + encoding +
                                             " is not supported; send the file as it is"));
      }
    } else if (name == "content-disposition") {
      size_t semicolon = value.find(';');
      if (Lower(Trim(value.substr(0, semicolon))) != "form-data") {
        return core::Fail(BadPart(index, "Content-Disposition must be form-data"));
      }
      auto parameters = ParseParameters(
          semicolon == std::string_view::npos ? std::string_view() : value.substr(semicolon));
      if (!parameters) return core::Fail(BadPart(index, parameters.error().message));
      const std::string* field = FindParameter(*parameters, "name");
      if (field == nullptr || field->empty()) {
        return core::Fail(BadPart(index, "Content-Disposition has no name"));
      }
      part.name = *field;
      // filename* (RFC 5987) is not read: RFC 7578 section 4.2 says senders must not use it.
      if (const std::string* filename = FindParameter(*parameters, "filename")) {
        part.filename = BaseName(*filename);
        part.has_filename = true;
      }
      disposition = true;
    }
  }
  if (!disposition) return core::Fail(BadPart(index, "no Content-Disposition header"));
  return {};
}

// The next delimiter from `from`: CRLF "--" boundary followed by "--" (the last one) or by
// optional spaces and CRLF. A line of content that merely starts like the delimiter is content
// (RFC 2046 forbids senders that, but a tolerant reader loses nothing).
size_t FindDelimiter(std::string_view body, std::string_view delimiter, size_t from) {
  for (size_t at = body.find(delimiter, from); at != std::string_view::npos;
       at = body.find(delimiter, at + 1)) {
    size_t after = at + delimiter.size();
    if (body.substr(after, 2) == "--") return at;
    while (after < body.size() && (body[after] == ' ' || body[after] == '\t')) ++after;
    if (body.substr(after, 2) == kCrlf) return at;
  }
  return std::string_view::npos;
}

}  // namespace

core::Result<std::string> FormDataBoundary(std::string_view content_type) {
  auto bad = [](std::string what) {
    return core::Fail(core::Error::Invalid(what, "Content-Type"));
  };
  size_t semicolon = content_type.find(';');
  if (Lower(Trim(content_type.substr(0, semicolon))) != "multipart/form-data") {
    return bad("must be multipart/form-data (a form upload), not \"" +
               std::string(content_type.substr(0, semicolon)) + "\"");
  }
  if (semicolon == std::string_view::npos) return bad("multipart/form-data without a boundary");
  auto parameters = ParseParameters(content_type.substr(semicolon));
  if (!parameters) return bad(parameters.error().message);
  const std::string* boundary = FindParameter(*parameters, "boundary");
  if (boundary == nullptr) return bad("multipart/form-data without a boundary");
  if (!ValidBoundary(*boundary)) return bad("the boundary must be 1 to 70 plain characters");
  return *boundary;
}

core::Result<std::vector<FormPart>> ParseFormData(std::string_view body, std::string_view boundary,
                                                  size_t max_parts) {
  const std::string dash_boundary = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash_boundary;
  // The first delimiter may open the body without the CRLF that precedes every later one.
  size_t at = 0;
  if (body.substr(0, dash_boundary.size()) != dash_boundary) {
    at = body.find(delimiter);
    if (at == std::string_view::npos) {
      return core::Fail(Bad("multipart body without its boundary: nothing was uploaded"));
    }
    at += kCrlf.size();
  }
  std::vector<FormPart> parts;
  for (size_t index = 1;; ++index) {
    at += dash_boundary.size();
    if (body.substr(at, 2) == "--") return parts;  // the close delimiter; the rest is epilogue
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != kCrlf) {
      return core::Fail(BadPart(index, "the boundary line does not end after the boundary"));
    }
    at += kCrlf.size();
    if (parts.size() == max_parts) {
      return core::Fail(
          Bad("multipart body with more than " + std::to_string(max_parts) + " parts"));
    }
    FormPart part;
    if (body.substr(at, 2) == kCrlf) {
      return core::Fail(BadPart(index, "no Content-Disposition header"));
    }
    size_t header_end = body.find("\r\n\r\n", at);
    if (header_end == std::string_view::npos || header_end - at > kMaxHeaderBytes) {
      return core::Fail(BadPart(index, "its headers do not end (no empty line)"));
    }
    if (auto ok = ParseHeaders(body.substr(at, header_end - at), index, part); !ok) {
      return core::Fail(ok.error());
    }
    const size_t content = header_end + 4;
    const size_t next = FindDelimiter(body, delimiter, content);
    if (next == std::string_view::npos) {
      return core::Fail(BadPart(index, "no boundary after it: the upload is cut off"));
    }
    part.body = body.substr(content, next - content);
    parts.push_back(std::move(part));
    at = next + kCrlf.size();
  }
}

}  // namespace buyalign::http
