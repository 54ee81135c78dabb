// Names Django derives that can exceed PostgreSQL's 63-byte identifiers. Django shortens them
// itself, before PostgreSQL would truncate them silently: django.db.backends.utils.truncate_name
// keeps the first `length - 4` characters and appends the first 4 hex digits of the md5 of the
// whole name. Model tables (`<app_label>_<model>`) and automatic many-to-many tables
// (`<table>_<field>`) go through it; a Meta.db_table written out does not (PostgreSQL then
// truncates it to 63 bytes, as for any identifier). Index and constraint names that Django
// generates are written into the migration by makemigrations (AddIndex(name=...)), so they are
// read, never derived.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/source/file_system.h"

namespace schemagate::schema::migrations::code {

/// PostgreSQL's DatabaseOperations.max_name_length(): NAMEDATALEN - 1.
inline constexpr size_t kDjangoMaxNameLength = 63;

/// The md5 of `data` as 32 lower-case hex digits.
std::string md5_hex(std::string_view data);

/// Django's truncate_name(identifier, length, hash_len=4) for an unqualified name.
std::string django_truncate_name(std::string_view name, size_t length = kDjangoMaxNameLength);

/// An app a settings module lists in INSTALLED_APPS (or in a list an `*_APPS` name holds that
/// it joins in: cookiecutter's DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS): the dotted module
/// or AppConfig path as written, the settings file and the line.
struct InstalledApp {
  std::string module;
  std::string file;
  int line = 0;
  /// The app's label as Django derives it by default: the module's last part, or the part
  /// before `.apps.` for an AppConfig path ("allauth.account" and
  /// "allauth.account.apps.AccountConfig": account).
  std::string label() const;
};

/// The string literals of the `[...]` / `(...)` lists assigned to names ending in `APPS`
/// (`INSTALLED_APPS = [...]`, `INSTALLED_APPS += [...]`, `THIRD_PARTY_APPS = (...)`) in the
/// project's .py files whose path names settings; each dotted name once, in file order.
std::vector<InstalledApp> django_installed_apps(const source::FileSystem& fs, const std::string& root);

/// The tables a django.contrib app's own migrations create (`sessions`: django_session), as
/// schemagate models them where a migration depends on the app; empty for another label.
std::vector<std::string> django_contrib_tables(std::string_view label);

}  // namespace schemagate::schema::migrations::code
