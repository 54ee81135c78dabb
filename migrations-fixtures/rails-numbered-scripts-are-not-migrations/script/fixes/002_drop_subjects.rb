#!/usr/bin/env ruby
Note.where(subject: nil).delete_all
