// Support for the runtime's unit tests: a type-info table with the runtime's types and a few
// test types (lists, dicts, exception instances), builtin exception classes with prebuilt names,
// strs from and to UTF-8, and reading the pending exception as "Type: message".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/layout.h"

namespace rpp::runtime_test {

// Test type ids (after the runtime's).
enum TestTid : uint32_t {
  kTidIntList = 16,       // resizable list of Signed (items: kTidIntArray)
  kTidIntArray = 17,      // GcArray(Signed)
  kTidDict = 18,          // a dict struct (layout.h)
  kTidIntEntries = 19,    // GcArray({hash, key: Signed, value: Signed})
  kTidStrEntries = 20,    // GcArray({hash, key: str, value: Signed})
  kTidRefEntries = 21,    // GcArray({hash, key: ref, value: ref})
  kTidException = 22,     // {typeptr, message: str, errno: Signed}
  kTidObject = 23,        // {typeptr, number: Signed, next: ref}
  kTidRefList = 24,       // resizable list of refs (items: kTidRefArray)
  kTidRefArray = 25,      // GcArray(ref)
  kTestTidCount = 26,
};

// Installs the GC (whichever implementation the test links) and the builtin exceptions, once.
void init_runtime();

void* S(std::string_view utf8);      // a str
std::string U(const void* str);      // its UTF-8
void* B(std::string_view bytes);     // a bytes
std::string UB(const void* bytes);   // its contents

// The pending exception as "Type: message" (cleared), or "" if none.
std::string take_exception();

// A test object (kTidObject).
void* new_object(int64_t number);

// The Python repr of a list of str (as CPython prints it).
std::string repr_of_str_list(const void* list);

}  // namespace rpp::runtime_test
