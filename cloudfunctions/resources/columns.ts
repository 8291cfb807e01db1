/** A booking as the lists answer it (`Booking`): its columns and the tables they come from. */
export const bookingColumns = `b.id, b.resource_id AS "resourceId", r.name AS "resourceName", r.kind, b.site_id AS "siteId", s.name AS "siteName",
  b.for_site_id AS "forSiteId", fs.name AS "forSiteName", COALESCE(NULLIF(u.nickname, ''), '用户' || u.id) AS "personName", b.purpose, b.status, b.note,
  b.starts_at AS "startsAt", b.ends_at AS "endsAt", b.starts_at - make_interval(hours => r.cancel_hours) AS "cancelBy"`
export const bookingFrom = `resource_bookings b JOIN resources r ON r.id = b.resource_id JOIN sites s ON s.id = b.site_id
  LEFT JOIN sites fs ON fs.id = b.for_site_id JOIN users u ON u.id = b.person_id`
