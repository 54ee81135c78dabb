UPDATE notes SET modified = created_at;
