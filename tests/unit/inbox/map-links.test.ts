import { describe, expect, it } from "vitest";
import { mapLinks } from "@/components/inbox/map-links";

describe("a shared location's map links", () => {
  it("open Google Maps at the point, with OpenStreetMap beside it", () => {
    expect(mapLinks(-23.55052, -46.633308)).toEqual({
      lat: -23.55052,
      lng: -46.633308,
      google: "https://www.google.com/maps/search/?api=1&query=-23.55052,-46.633308",
      osm: "https://www.openstreetmap.org/?mlat=-23.55052&mlon=-46.633308#map=16/-23.55052/-46.633308",
    });
    expect(mapLinks("-23.5", "-46.6")?.google).toBe("https://www.google.com/maps/search/?api=1&query=-23.5,-46.6");
  });

  it("are absent for coordinates that are no place", () => {
    expect(mapLinks(91, 0)).toBeNull();
    expect(mapLinks(0, 181)).toBeNull();
    expect(mapLinks("abc", 1)).toBeNull();
    expect(mapLinks(undefined, undefined)).toBeNull();
    expect(mapLinks(null, null)).toBeNull();
  });
});
