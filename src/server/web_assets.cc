#include "server/web_assets.h"

#include <vector>

namespace annalist::server {
namespace {

std::string_view ContentType(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

const std::vector<WebAsset>& Assets() {
  static const std::vector<WebAsset> assets = [] {
    std::vector<WebAsset> list;
    for (const internal::EmbeddedAsset* a = internal::kEmbeddedAssets; a->path != nullptr; ++a) {
      list.push_back({a->path, ContentType(a->path), std::string_view(a->begin, static_cast<size_t>(a->end - a->begin))});
    }
    return list;
  }();
  return assets;
}

}  // namespace

const WebAsset* FindWebAsset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const WebAsset& asset : Assets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace annalist::server
