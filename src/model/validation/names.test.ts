// Cases from apimachinery's pkg/util/validation/validation_test.go and api/validate/content tests.
import { describe, expect, it } from "vitest";
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPortName,
  isValidPortNum,
  nameIsDNSSubdomain,
  validatePortNumOrName,
} from "./names";

const a = (n: number) => "a".repeat(n);

describe("isDNS1123Label", () => {
  it.each(["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", a(63)])(
    "accepts %j",
    (v) => expect(isDNS1123Label(v)).toEqual([]),
  );
  it.each([
    "",
    "A",
    "ABC",
    "aBc",
    "A1",
    "A-1",
    "1-A",
    "-",
    "a-",
    "-a",
    "1-",
    "-1",
    "_",
    "a_",
    "a_b",
    " ",
    "a b",
    "a.",
    ".a",
    a(64),
  ])("rejects %j", (v) => expect(isDNS1123Label(v).length).toBeGreaterThan(0));
  it("says a dotted name must not contain dots", () => {
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
  });
  it('words the regex error as Go does, double space before each "or"', () => {
    expect(isDNS1123Label("Foo")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it("reports the length limit in characters", () => {
    expect(isDNS1123Label(a(64))).toEqual(["must be no more than 63 characters"]);
  });
});

describe("isDNS1123Subdomain", () => {
  it.each(["a", "a.a", "a--1--2--b.1", "0.1", "a.b.c.d.e", "1.2.3.4.5", a(253)])("accepts %j", (v) =>
    expect(isDNS1123Subdomain(v)).toEqual([]),
  );
  it.each(["", "A", "a..b", ".a", "a.", "a_b", "a@b", "ab.A", a(254)])("rejects %j", (v) =>
    expect(isDNS1123Subdomain(v).length).toBeGreaterThan(0),
  );
  it("words the regex error as Go does", () => {
    expect(isDNS1123Subdomain("A")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });
});

describe("isDNS1035Label", () => {
  it.each(["a", "ab", "a-1", "a--1--2--b", a(63)])("accepts %j", (v) =>
    expect(isDNS1035Label(v)).toEqual([]),
  );
  it.each(["0", "01", "1a", "1-a", "A", "a.b", a(64)])("rejects %j", (v) =>
    expect(isDNS1035Label(v).length).toBeGreaterThan(0),
  );
});

describe("isQualifiedName", () => {
  it.each([
    "simple",
    "now-with-dashes",
    "1-starts-with-num",
    "1234",
    "simple/simple",
    "now-with-dashes/simple",
    "now.with.dots/simple",
    "1-num.2-num/3-num",
    "1234/5678",
    "1.2.3.4/5678",
    "Uppercase_Is_OK_123",
    "example.com/Uppercase_Is_OK_123",
    "requests.storage-foo",
    a(63),
    `${a(253)}/${"b".repeat(63)}`,
  ])("accepts %j", (v) => expect(isQualifiedName(v)).toEqual([]));
  it.each([
    "nospecialchars%^=@",
    "cantendwithadash-",
    "-cantstartwithadash-",
    "only/one/slash",
    "Example.com/abc",
    "example_com/abc",
    "example.com/",
    "/simple",
    a(64),
    `${a(254)}/abc`,
  ])("rejects %j", (v) => expect(isQualifiedName(v).length).toBeGreaterThan(0));
  it("reports a long name part in bytes (content.MaxLenError)", () => {
    expect(isQualifiedName(a(64))).toEqual(["name part must be no more than 63 bytes"]);
  });
  it("reports an empty prefix", () => {
    expect(isQualifiedName("/simple")).toEqual(["prefix part must be non-empty"]);
  });
});

describe("isValidLabelValue", () => {
  it.each(["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", a(63), ""])(
    "accepts %j",
    (v) => expect(isValidLabelValue(v)).toEqual([]),
  );
  it.each([
    "nospecialchars%^=@",
    "Tama-nui-te-rā.is.Māori.sun",
    "\\backslashes\\are\\bad",
    "-starts-with-dash",
    "ends-with-dash-",
    ".starts.with.dot",
    "ends.with.dot.",
    a(64),
  ])("rejects %j", (v) => expect(isValidLabelValue(v).length).toBeGreaterThan(0));
  it("words the regex error as Go does", () => {
    expect(isValidLabelValue("-x")).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ]);
  });
});

describe("isDNS1123Label (Service port names)", () => {
  it("a label of valid length and characters passes the DNS-1123 label check", () => {
    expect(isDNS1123Label("http-2")).toEqual([]);
  });
});

describe("lengths are Go's len(): UTF-8 bytes", () => {
  it("a port name of 8 two-byte characters is over 15", () => {
    expect(isValidPortName("é".repeat(8))[0]).toBe("must be no more than 15 characters");
  });
  it("a label value of 32 two-byte characters is over 63", () => {
    expect(isValidLabelValue("é".repeat(32))[0]).toBe("must be no more than 63 bytes");
  });
  it("a label key name part of 32 two-byte characters is over 63", () => {
    expect(isQualifiedName("é".repeat(32))[0]).toBe("name part must be no more than 63 bytes");
  });
});

describe("validatePortNumOrName", () => {
  it("checks a number as a port and a string as a port name, even a numeric one", () => {
    expect(validatePortNumOrName(0, "p")).toEqual([
      { path: "p", message: "Invalid value: 0: must be between 1 and 65535, inclusive" },
    ]);
    expect(validatePortNumOrName("8080", "p")).toEqual([
      { path: "p", message: 'Invalid value: "8080": must contain at least one letter (a-z)' },
    ]);
  });
});

describe("isValidPortName", () => {
  it.each(["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"])("accepts %j", (v) =>
    expect(isValidPortName(v)).toEqual([]),
  );
  it.each([
    "longerthan15characters",
    "",
    a(16),
    "12345",
    "1-2-3-4",
    "-begin",
    "end-",
    "two--hyphens",
    "whois++",
  ])("rejects %j", (v) => expect(isValidPortName(v).length).toBeGreaterThan(0));
  it("lists every broken rule of a bad name", () => {
    expect(isValidPortName("-1--")).toEqual([
      "must contain at least one letter (a-z)",
      "must not contain consecutive hyphens",
      "must not begin or end with a hyphen",
    ]);
  });
});

describe("isValidPortNum", () => {
  it.each([1, 80, 65535])("accepts %j", (v) => expect(isValidPortNum(v)).toEqual([]));
  it.each([0, -1, 65536])("rejects %j with the inclusive range", (v) =>
    expect(isValidPortNum(v)).toEqual(["must be between 1 and 65535, inclusive"]),
  );
});

describe("nameIsDNSSubdomain", () => {
  it("allows a generateName ending in a dash", () => {
    expect(nameIsDNSSubdomain("web-", true)).toEqual([]);
  });
  it("rejects a name ending in a dash", () => {
    expect(nameIsDNSSubdomain("web-", false).length).toBe(1);
  });
});
