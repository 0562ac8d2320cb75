/**
 * Where a shared location opens: Google Maps first (the link Brazilian operators expect, and the app on their
 * phones), OpenStreetMap beside it. Null for coordinates that are not a place on Earth.
 */
export function mapLinks(latitude: unknown, longitude: unknown): { google: string; osm: string; lat: number; lng: number } | null {
  const lat = Number(latitude);
  const lng = Number(longitude);
  if (latitude === null || longitude === null || latitude === "" || longitude === "") return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return {
    lat,
    lng,
    google: `https://www.google.com/maps/search/?api=1&query=${lat},${lng}`,
    osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`,
  };
}
