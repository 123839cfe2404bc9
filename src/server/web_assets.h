// The web page's files, embedded in the library at build time (cmake/web.cmake). The server
// serves these and nothing else: a request path is looked up in this fixed table, never
// joined to a file-system path.
#ifndef ANNALIST_SERVER_WEB_ASSETS_H_
#define ANNALIST_SERVER_WEB_ASSETS_H_

#include <string_view>

namespace annalist::server {

struct WebAsset {
  std::string_view path;          // "/app.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
};

// The asset for an exact request path ("/" is "/index.html"); nullptr if none.
const WebAsset* FindWebAsset(std::string_view path);

namespace internal {
struct EmbeddedAsset {
  const char* path;
  const char* begin;
  const char* end;
};
extern const EmbeddedAsset kEmbeddedAssets[];  // ends with a null path
}  // namespace internal

}  // namespace annalist::server

#endif  // ANNALIST_SERVER_WEB_ASSETS_H_
