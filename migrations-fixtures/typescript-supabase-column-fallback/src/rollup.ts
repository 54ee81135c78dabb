import { createClient } from '@supabase/supabase-js'

const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!)

function isMissingColumnError(error: unknown): boolean {
  const code = String((error as { code?: string })?.code ?? '')
  return code === 'PGRST204' || code === '42703'
}

// Nightly rollup. A self-hosted database that has not run the seconds migration yet still has
// upload_minutes: the job writes that instead of failing.
export async function rollup(dateId: string, uploads: number, seconds: number) {
  const { error } = await supabase
    .from('daily_stats')
    .update({ uploads, upload_seconds: seconds })
    .eq('date_id', dateId)
  if (error) {
    if (isMissingColumnError(error)) {
      const { error: legacyError } = await supabase
        .from('daily_stats')
        .update({ uploads, upload_minutes: Math.round(seconds / 60) })
        .eq('date_id', dateId)
      if (legacyError)
        throw legacyError
      return
    }
    throw error
  }
}
