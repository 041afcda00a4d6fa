/**
 * Personal data in message text, masked for display (pure). The server masks before anything is sent to the
 * browser; the raw text stays in the database for admins who turn masking off.
 *
 * Covered: mainland mobile numbers (1[3-9]x, with or without +86 and separators), landlines (0xx-xxxxxxx),
 * e-mail addresses, 18-digit resident ID numbers (last character may be X), bank card numbers (16–19 digits after a card keyword),
 * and street addresses (…省/市/区/县 … 路/街/道/巷/号/室/栋/单元).
 */

export type PersonalDataKind = "mobile" | "landline" | "email" | "idNumber" | "bankCard" | "address";

interface Rule {
  kind: PersonalDataKind;
  pattern: RegExp;
  mask: (match: string) => string;
}

function keepEnds(match: string, head: number, tail: number): string {
  const chars = [...match];
  if (chars.length <= head + tail) return "*".repeat(chars.length);
  return chars.slice(0, head).join("") + "*".repeat(chars.length - head - tail) + chars.slice(-tail).join("");
}

const PROVINCES =
  "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门";

// Order matters: longer digit runs (ID, bank card) before phone numbers so a phone rule never eats part of an ID.
const RULES: Rule[] = [
  {
    kind: "email",
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    mask: (match) => {
      const [local = "", domain = ""] = match.split("@");
      return `${local.slice(0, 1)}***@${domain}`;
    },
  },
  {
    kind: "idNumber",
    pattern: /(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g,
    mask: (match) => keepEnds(match, 3, 2),
  },
  {
    // Only after a card keyword: 18–19 digit order numbers (淘宝/京东订单号) must stay readable for inspectors.
    kind: "bankCard",
    pattern: /((?:银行卡|卡号|卡|card)[^0-9\n]{0,6})((?:\d[ -]?){15,18}\d)(?![0-9])/gi,
    mask: (match) => {
      const digitsStart = match.search(/\d/);
      const digits = match.slice(digitsStart).replace(/[ -]/g, "");
      return `${match.slice(0, digitsStart)}**** **** **** ${digits.slice(-4)}`;
    },
  },
  {
    kind: "mobile",
    pattern: /(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])/g,
    mask: (match) => {
      const digits = match.replace(/\D/g, "").replace(/^86(?=1\d{10}$)/, "");
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    },
  },
  {
    kind: "landline",
    pattern: /(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])/g,
    mask: (match) => keepEnds(match, 4, 2),
  },
  {
    // Keeps the province and city (useful for logistics questions), masks the street and house number.
    kind: "address",
    pattern: new RegExp(
      `(?:(?:${PROVINCES})(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?(?:[\\u4e00-\\u9fa5]{2,4}?(?:市|州|盟))?|[\\u4e00-\\u9fa5]{2}市)` +
        `[\\u4e00-\\u9fa5A-Za-z0-9]{0,30}?(?:路|街|道|巷|村|弄)[\\u4e00-\\u9fa5A-Za-z0-9-]{0,20}?\\d+(?:号|室|栋|幢|单元|弄)(?:[\\dA-Za-z-]+(?:室|栋|幢|单元|层|楼|号))*`,
      "g",
    ),
    mask: (match) => {
      const region = (/^.*?市/.exec(match) ?? /^.*?(?:州|盟)/.exec(match))?.[0] ?? [...match].slice(0, 3).join("");
      return `${region}****`;
    },
  },
];

export interface MaskResult {
  text: string;
  kinds: PersonalDataKind[];
}

export function maskPersonalData(text: string): MaskResult {
  const kinds = new Set<PersonalDataKind>();
  let masked = text;
  for (const rule of RULES) {
    masked = masked.replace(rule.pattern, (match) => {
      kinds.add(rule.kind);
      return rule.mask(match);
    });
  }
  return { text: masked, kinds: [...kinds] };
}

export function maskText(text: string): string {
  return maskPersonalData(text).text;
}
