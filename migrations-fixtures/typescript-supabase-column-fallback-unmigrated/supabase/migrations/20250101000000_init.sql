CREATE TABLE public.daily_stats (
  date_id date PRIMARY KEY,
  uploads integer NOT NULL DEFAULT 0,
  upload_minutes integer NOT NULL DEFAULT 0
);
