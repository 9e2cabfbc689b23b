# Writes a C++ file defining `const char* const NAME` with the text of IN (a raw string).
# Called with -DIN=<file> -DOUT=<file> -DNAME=<identifier> -DNAMESPACE=<ns>.
file(READ "${IN}" text)
string(FIND "${text}" ")vigie_text\"" bad)
if(NOT bad EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\nnamespace ${NAMESPACE} {\nextern const char* const ${NAME};\nconst char* const ${NAME} = R\"vigie_text(${text})vigie_text\";\n}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
