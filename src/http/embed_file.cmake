# cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=Name -P embed_file.cmake
# Writes a .cpp defining `std::string_view ns::Name()` that returns the bytes of INPUT. The text
# is split into raw-string pieces so no delimiter or compiler literal limit can get in the way.
file(READ "${INPUT}" content HEX)
string(LENGTH "${content}" hex_length)
set(body "")
set(offset 0)
while(offset LESS hex_length)
  string(SUBSTRING "${content}" ${offset} 64 chunk)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" chunk "${chunk}")
  string(APPEND body "    \"${chunk}\"\n")
  math(EXPR offset "${offset} + 64")
endwhile()
if(body STREQUAL "")
  set(body "    \"\"\n")
endif()
math(EXPR byte_length "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by embed_file.cmake; do not edit.
#include <string_view>

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static constexpr char kBytes[] =
${body}      ;
  return std::string_view(kBytes, ${byte_length});
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
