-- Seconds of [from_at, to_at) inside working hours: local days in time zone tz whose ISO weekday is in working_days,
-- from start_minute to end_minute after local midnight. Timestamps are UTC (the columns' convention). The same
-- calculation as app/modules/kpi/business-hours.ts (the snapshot aggregation calls this one).
CREATE OR REPLACE FUNCTION kpi_business_seconds(
    from_at TIMESTAMP, to_at TIMESTAMP, tz TEXT, working_days INTEGER[], start_minute INTEGER, end_minute INTEGER
) RETURNS DOUBLE PRECISION LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce(sum(greatest(0, extract(epoch FROM (least(to_at, w.close_at) - greatest(from_at, w.open_at))))), 0)::double precision
    FROM generate_series(
        ((from_at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date::timestamp,
        ((to_at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date::timestamp,
        interval '1 day'
    ) AS d(day)
    CROSS JOIN LATERAL (
        SELECT ((d.day + make_interval(mins => start_minute)) AT TIME ZONE tz) AT TIME ZONE 'UTC' AS open_at,
               ((d.day + make_interval(mins => end_minute)) AT TIME ZONE tz) AT TIME ZONE 'UTC' AS close_at
    ) AS w
    WHERE to_at > from_at AND extract(isodow FROM d.day)::int = ANY (working_days)
$$;
