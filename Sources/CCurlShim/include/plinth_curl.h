#ifndef PLINTH_CURL_H
#define PLINTH_CURL_H

#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call:
   one typed wrapper per argument type. Each returns curl's own status. */

/* OWNERSHIP: none; the value is copied or read by curl during the call. */
CURLcode plinth_curl_set_long(CURL *handle, CURLoption option, long value);

/* OWNERSHIP: curl copies the string. */
CURLcode plinth_curl_set_string(CURL *handle, CURLoption option, const char *value);

/* OWNERSHIP: borrowed; the pointer (list, buffer, userdata) must outlive the transfer. */
CURLcode plinth_curl_set_pointer(CURL *handle, CURLoption option, void *value);

/* The upload callback (CURLOPT_READFUNCTION). */
typedef size_t (*plinth_curl_read_callback)(char *buffer, size_t size, size_t count, void *userdata);
CURLcode plinth_curl_set_read_function(CURL *handle, plinth_curl_read_callback callback);

/* A long-valued CURLINFO_* item, e.g. CURLINFO_RESPONSE_CODE. */
CURLcode plinth_curl_get_long(CURL *handle, CURLINFO info, long *value);

#endif
