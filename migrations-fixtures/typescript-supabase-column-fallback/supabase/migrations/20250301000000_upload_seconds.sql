-- upload_minutes rounded too much: seconds replace it.
ALTER TABLE public.daily_stats ADD COLUMN upload_seconds integer NOT NULL DEFAULT 0;
ALTER TABLE public.daily_stats DROP COLUMN upload_minutes;
