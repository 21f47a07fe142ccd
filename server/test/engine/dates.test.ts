import * as assert from "node:assert/strict";
import { dayFromIso, isoFromDay } from "../../src/engine";

describe("dates", () => {
  it("writes a day as Date's ISO date would: years 1900–2200 day by day, 0–9999 and beyond sampled", () => {
    const viaDate = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const days = [0.5, -1e7, 1e7, -719_529, -719_528, 2_932_896, 2_932_897];
    for (let day = -25_567; day <= 84_000; day++) days.push(day);
    for (let day = -720_000; day <= 2_933_000; day += 97) days.push(day);
    for (const day of days) if (isoFromDay(day) !== viaDate(day)) assert.equal(isoFromDay(day), viaDate(day), `day ${day}`);
  });

  it("reads an ISO date as Date would: every day of 1900–2200, impossible days, and what is not one", () => {
    const viaDate = (text: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      if (!m) return undefined;
      const time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
      const back = new Date(time);
      return back.getUTCMonth() === +m[2] - 1 && back.getUTCDate() === +m[3] ? Math.round(time / 86_400_000) : undefined;
    };
    const texts = ["2027-02-29", "2028-02-29", "1900-02-29", "2000-02-29", "2027-04-31", "2027-00-10", "2027-13-01", "2027-01-00", "2027-01-32"];
    texts.push("0050-01-01", "0100-03-01", "9999-12-31", "2027-3-31", "2027-03-31 ", "x027-03-31", "2027/03/31", "2027-03-3a", "２027-03-31", "");
    for (let day = -25_567; day <= 84_000; day++) texts.push(isoFromDay(day));
    for (const text of texts) if (dayFromIso(text) !== viaDate(text)) assert.equal(dayFromIso(text), viaDate(text), text);
  });
});
