import { describe, expect, it } from "vitest";
import { UserError } from "../../src/error.js";
import { html, isTrusted, trusted } from "../../src/render/html.js";
// The compiled copy, as a project's own install of plotbrief would load it beside the CLI's.
import * as other from "../../dist/render/html.js";
import { UserError as OtherUserError } from "../../dist/error.js";

describe("html`…`", () => {
  it("escapes what it is given, and inserts trusted markup as is", () => {
    const [text, markup] = ["<b>&", trusted("<i>x</i>")];
    // prettier-ignore
    expect(html`<p>${text}</p>${markup}`.value).toBe("<p>&#60;b&#62;&#38;</p><i>x</i>");
  });

  it("trusts markup made by another copy of plotbrief", () => {
    const made = other.html`<em>${"<"}</em>`;
    expect(made).not.toBeInstanceOf(Object.getPrototypeOf(html``).constructor);
    expect(isTrusted(made)).toBe(true);
    expect(html`<p>${made}</p>`.value).toBe("<p><em>&#60;</em></p>");
  });

  it("never trusts what only looks like markup: plain objects, parsed JSON, spread copies, strings", () => {
    const lookalikes = [
      { value: "<script>1</script>" },
      JSON.parse(JSON.stringify(trusted("<script>2</script>"))),
      { ...trusted("<script>3</script>") },
      "<script>4</script>",
    ];
    for (const value of lookalikes) {
      expect(isTrusted(value)).toBe(false);
      expect(html`${value}`.value).not.toContain("<script>");
    }
  });
});

describe("UserError", () => {
  it("is known for what it is whichever copy of plotbrief made it, and an Error is not one", () => {
    expect(new OtherUserError("x")).toBeInstanceOf(UserError);
    expect(new UserError("x")).toBeInstanceOf(OtherUserError);
    expect(new Error("x")).not.toBeInstanceOf(UserError);
    expect(Object.assign(new Error("x"), { name: "UserError" })).not.toBeInstanceOf(UserError);
  });
});
