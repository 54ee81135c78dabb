CREATE INDEX IF NOT EXISTS idx_device_tenant_id ON device (tenant_id);
CREATE INDEX IF NOT EXISTS idx_attribute_kv_by_key ON attribute_kv (attribute_key);
