#!/usr/bin/env ruby
# A one-off fix, run by hand with rails runner: no migration.
Note.where(body: "").delete_all
