// django_installed_apps: the apps a project's settings install, read from the text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyzers/schema/migrations/code/django_names.h"

using schemagate::schema::migrations::code::django_installed_apps;
using schemagate::schema::migrations::code::InstalledApp;
using schemagate::source::MemoryFileSystem;

namespace {
std::vector<std::string> listed(const std::vector<InstalledApp>& apps) {
  std::vector<std::string> out;
  for (auto& a : apps) out.push_back(a.module + "@" + a.file + ":" + std::to_string(a.line) + "=" + a.label());
  return out;
}
}  // namespace

TEST_CASE("django installed apps: lists assigned to *_APPS names, joined or extended, in settings files only") {
  MemoryFileSystem fs;
  fs.add("config/settings/base.py",
         "DJANGO_APPS = [\n"
         "    'django.contrib.auth',  # 'not.this'\n"
         "    \"django.contrib.sessions.apps.SessionsConfig\",\n"
         "]\n"
         "THIRD_PARTY_APPS = (\"taggit\", \"allauth.account\")\n"
         "INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS\n"
         "INSTALLED_APPS += [\"shelf.apps.ShelfConfig\", f\"{x}\", \"taggit\"]\n"
         "MIDDLEWARE = [\"django.contrib.sessions.middleware.SessionMiddleware\"]\n"
         "if 'debug_toolbar' in settings.INSTALLED_APPS: pass\n"
         "APPS_COUNT == [\"not.assigned\"]\n");
  fs.add("shelf/views.py", "INSTALLED_APPS = ['not.a.settings.file']\n");
  CHECK(listed(django_installed_apps(fs, "")) ==
        std::vector<std::string>{"django.contrib.auth@config/settings/base.py:2=auth",
                                 "django.contrib.sessions.apps.SessionsConfig@config/settings/base.py:3=sessions",
                                 "taggit@config/settings/base.py:5=taggit",
                                 "allauth.account@config/settings/base.py:5=account",
                                 "shelf.apps.ShelfConfig@config/settings/base.py:7=shelf"});
}
