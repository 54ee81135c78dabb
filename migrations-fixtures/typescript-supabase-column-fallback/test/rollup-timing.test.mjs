import assert from 'node:assert/strict'
import { createClient } from '@supabase/supabase-js'

// The client's timing hook, measured against a stub: no request leaves the process.
const calls = []
globalThis.fetch = async (url) => {
  calls.push(String(url))
  return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const supabase = createClient('https://stub.invalid', 'anon-key')
await supabase.from('placeholder').select('*')
assert.equal(calls.length, 1)
