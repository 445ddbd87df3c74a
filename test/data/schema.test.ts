import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defineDataset } from "../../src/data/dataset.js";
import { loadDataset } from "../../src/data/load.js";
import { defineSources } from "../../src/data/provenance.js";
import { count, date, number, oneOf, share, text } from "../../src/data/schema.js";
import type { NumberOptions } from "../../src/data/schema.js";
import { defineUnit } from "../../src/data/units.js";
import { UserError, isCallerError } from "../../src/error.js";

const root = fileURLToPath(new URL("fixtures", import.meta.url));
const sources = defineSources({ s: { publisher: "Met Office", title: "Rainfall", published: "2024" } });
// The file is given by the test, never written: loadDataset reads through what it is passed.
const csv = (content: string) => async () => new TextEncoder().encode(content);

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  return expect.fail("no error was thrown");
}

describe("number(options)", () => {
  it("number() without options is a unit-less number that builds a dataset", async () => {
    const rain = defineDataset({
      id: "rain",
      title: "Rainfall",
      file: "rain.csv",
      key: "month",
      columns: { month: text(), total: number(), mm: number({ unit: "mm", min: 0 }) },
      sources: [sources.s],
    });
    expect(rain.columns.total.unit).toBe("count");
    const dataset = await loadDataset(rain, root, csv("month,total,mm\njan,1376048943,161\nfeb,-2.5,80.4\n"));
    expect(dataset.rows).toEqual([
      { month: "jan", total: 1376048943, mm: 161 },
      { month: "feb", total: -2.5, mm: 80.4 },
    ]);
    expect(dataset.format(dataset.rows[0]!, "total")).toBe("1,376,048,943");
    expect(dataset.format(dataset.rows[0]!, "total", { compact: true })).toBe("1.4 billion");
    expect(dataset.format(dataset.rows[1]!, "mm", { locale: "fr-FR" })).toBe("80,4\u202fmm");
  });

  it("takes a unit by name or as defined by the project", async () => {
    const gauges = defineUnit({ name: "test-gauges", forms: { en: { text: { one: "gauge", other: "gauges" } } } });
    expect(number({ unit: gauges }).unit).toBe("test-gauges");
    expect(number({ unit: "test-gauges" }).unit).toBe("test-gauges");
    expect(number({ unit: "people-thousand" }).unit).toBe("people-thousand");
  });

  it("names a wrong option in a UserError that the loader places at the author's call", () => {
    const cases: [unknown, string][] = [
      [{ unit: "furlong" }, 'number(): unit: unknown unit "furlong"; units: count, percent, '],
      [{ units: "percent" }, 'number(): unknown option "units"; options: min, max, integer, unit, signed, optional'],
      [{ min: 10, max: 0 }, "number(): min (10) is more than max (0)"],
      [{ min: "0" }, 'number(): min must be a number, found "0"'],
      [{ integer: "yes" }, 'number(): integer must be true or false, found "yes"'],
      ["percent", 'number(): expected options such as { unit: "percent" }, found "percent"'],
    ];
    for (const [options, message] of cases) {
      const error = thrown(() => number(options as NumberOptions));
      expect(error).toBeInstanceOf(UserError);
      expect(isCallerError(error)).toBe(true);
      expect(error.message.startsWith(message), error.message).toBe(true);
    }
  });
});

describe("loadDataset(spec), a column of unit names", () => {
  it("names the line of a unit that no module has defined", async () => {
    const facts = defineDataset({
      id: "facts",
      title: "Facts",
      file: "facts.csv",
      key: "id",
      columns: { id: text(), value: number(), unit: oneOf(["people", "test-undefined-unit"]) },
      sources: [sources.s],
    });
    const error = await loadDataset(facts, root, csv("id,value,unit\na,2,people\nb,3,test-undefined-unit\n")).then(
      () => expect.fail("loaded"),
      (error: Error) => error,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^facts\.csv:3: column "unit": unknown unit "test-undefined-unit"; units: count, /);
  });
});

describe("column types that take only { optional }", () => {
  it("name a wrong option or a wrong list at the call", () => {
    const cases: [() => unknown, string][] = [
      [() => date({ optinal: true } as never), 'date(): unknown option "optinal"; options: optional'],
      [() => share({ unit: "usd" } as never), 'share(): unknown option "unit"; options: optional'],
      [() => count({ optional: "yes" } as never), 'count(): optional must be true or false, found "yes"'],
      [() => text("label" as never), 'text(): expected options such as { optional: true }, found "label"'],
      [() => oneOf([] as string[]), "oneOf(): expected a list of the words a cell may hold, such as"],
    ];
    for (const [call, message] of cases) {
      const error = thrown(call);
      expect(isCallerError(error)).toBe(true);
      expect(error.message.startsWith(message), error.message).toBe(true);
    }
    expect(count({ optional: true }).optional).toBe(true);
  });
});
