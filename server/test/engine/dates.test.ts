import * as assert from "node:assert/strict";
import { isoFromDay } from "../../src/engine";

describe("dates", () => {
  it("writes a day as Date's ISO date would: years 1900–2200 day by day, 0–9999 and beyond sampled", () => {
    const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const days = [0.5, -1e7, 1e7, -719_529, -719_528, 2_932_896, 2_932_897];
    for (let day = -25_567; day <= 84_000; day++) days.push(day);
    for (let day = -720_000; day <= 2_933_000; day += 97) days.push(day);
    for (const day of days) if (isoFromDay(day) !== viaDate(day)) assert.equal(isoFromDay(day), viaDate(day), `day ${day}`);
  });
});
