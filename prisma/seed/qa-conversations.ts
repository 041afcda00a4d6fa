/**
 * Demo conversations for the four service teams, imported through the conversation importer (a batch with source
 * "cli"), so hashes, figures and rejections are exactly what a real import produces.
 *
 * ~600 conversations over the 60 days before today (10 a day), and a thinner history before that (5 a day, one
 * slot per team plus a second pre-sales one, back to 13 months ago) so month-by-month KPI trends have a year of
 * data. Everything about a conversation — id, times,
 * dialogue, CSAT — derives from its calendar day and its index that day, so re-seeding is a no-op: conversations
 * already imported hash equal and stay unchanged; a later day only adds the days that are new.
 *
 * Scenarios per team: 售前 尺码/优惠券/发货时间/赠品 (chat); 售后 7天无理由退换货/破损/物流异常/维修 (chat);
 * 投诉 质量投诉/平台介入/赔付 (chat and phone); 回访 phone callbacks. Some replies are slow, some customers leave
 * phone numbers and addresses (masking shows on them). CSAT is 4–5 about nine times in ten outside complaints;
 * slow replies and complaints rate lower.
 */
import { validateConversation } from "~/modules/qa/import/contract";
import { importItems } from "~/modules/qa/import/import.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const DAYS = 60;
/** Days of thinner history before the 60-day window: 13 months of KPI snapshots read back this far. */
const HISTORY_DAYS = 340;
const HISTORY_SLOTS = [0, 2, 3, 6, 8];
const TEAM_SLOTS: TeamCode[] = ["PRE", "PRE", "PRE", "AFT", "AFT", "AFT", "CMP", "CMP", "FUP", "FUP"];
const OFFSET = "+08:00";

type TeamCode = "PRE" | "AFT" | "CMP" | "FUP";
type Sender = "customer" | "agent" | "bot" | "system";
type Line = [Sender, string];

export interface DemoConversation {
  id: string;
  channel: "chat" | "phone";
  startedAt: string;
  endedAt: string;
  agents: string[];
  customer: string;
  csat: number | null;
  resolved: boolean;
  complaint: boolean;
  converted?: boolean;
  orderValue?: number;
  tags: string[];
  shop: string;
  messages: { from: Sender; agent?: string; at: string; text: string }[];
}

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string) {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  // Finaliser: FNV values of "day#0" and "day#1" differ in few bits, and mulberry32 would start out alike.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const PRODUCTS = [
  { name: "轻薄羽绒服", price: 399 },
  { name: "缓震跑步鞋", price: 459 },
  { name: "316不锈钢保温杯", price: 129 },
  { name: "IH电饭煲", price: 599 },
  { name: "降噪蓝牙耳机", price: 699 },
  { name: "修护面霜", price: 268 },
  { name: "法式碎花连衣裙", price: 239 },
  { name: "5L空气炸锅", price: 349 },
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "胡", "朱", "郭"];
const CITIES = [
  "浙江省杭州市西湖区文三路",
  "广东省深圳市南山区科技园南路",
  "江苏省南京市鼓楼区中山北路",
  "四川省成都市武侯区天府大道",
  "湖北省武汉市洪山区珞喻路",
  "上海市浦东新区张杨路",
];
const SHOPS = ["优品生活旗舰店", "优品生活京东自营店", "优品生活抖音小店"];

function phone(rng: Rng) {
  return `1${pick(rng, ["38", "39", "58", "86", "77", "35"])}${String(between(rng, 10_000_000, 99_999_999))}`;
}
function address(rng: Rng) {
  return `${pick(rng, CITIES)}${between(rng, 8, 388)}号${between(rng, 1, 12)}栋${between(rng, 101, 2602)}室`;
}
function orderNo(rng: Rng) {
  return `${between(rng, 1000, 4999)}${String(between(rng, 10_000_000, 99_999_999))}${String(between(rng, 1000, 9999))}`;
}

interface Scenario {
  tags: string[];
  csat: () => number | null;
  resolved: boolean;
  complaint?: boolean;
  converted?: boolean;
  lines: Line[];
}

function preSales(rng: Rng): Scenario {
  const product = pick(rng, PRODUCTS);
  const kind = between(rng, 0, 3);
  const good = () => pick(rng, [5, 5, 5, 5, 4, 4, 4, 5, 5, 3]);
  if (kind === 0) {
    const height = between(rng, 155, 185);
    const weight = between(rng, 45, 85);
    return {
      tags: ["尺码咨询"],
      csat: good,
      resolved: true,
      converted: rng() < 0.7,
      lines: [
        ["bot", "您好，欢迎光临优品生活，请问有什么可以帮您？"],
        ["customer", `${product.name}我身高${height}，体重${weight}斤，穿什么码合适？`],
        [
          "agent",
          `亲，根据您的身高体重，建议选${weight > 130 ? "XL" : weight > 110 ? "L" : "M"}码哦～这款版型偏修身，喜欢宽松可以拍大一码。`,
        ],
        ["customer", "会不会掉色？洗了缩水吗？"],
        ["agent", "不会的亲，面料做过防缩处理，建议30度以下水温手洗或者轻柔机洗～"],
        ["customer", "好的，那我拍了"],
        ["agent", "好的亲，拍下后48小时内发货，有问题随时联系我们哦～"],
      ],
    };
  }
  if (kind === 1) {
    return {
      tags: ["优惠券", "活动咨询"],
      csat: good,
      resolved: true,
      converted: rng() < 0.6,
      lines: [
        ["customer", `${product.name}现在有优惠吗？`],
        [
          "agent",
          `亲，现在店铺有满${product.price > 300 ? 300 : 150}减${product.price > 300 ? 30 : 15}的券，商品页面上方就能领取哦～`,
        ],
        ["customer", "领了，和平台的跨店满减能一起用吗？"],
        ["agent", "可以叠加使用的亲，下单时系统会自动计算最优价格～"],
        ["customer", "那会员还有折扣吗"],
        ["agent", "店铺会员额外享受95折，入会免费的，付款前在会员中心点一下就可以～"],
      ],
    };
  }
  if (kind === 2) {
    const slow = rng() < 0.3;
    return {
      tags: ["发货时间"],
      csat: () => (slow ? pick(rng, [3, 4, 5, 4]) : good()),
      resolved: true,
      lines: [
        ["customer", "今天下单今天能发货吗？着急用"],
        ...(slow ? ([["customer", "有人吗？？"]] as Line[]) : []),
        ["agent", `${slow ? "亲，久等了，刚刚咨询量比较大。" : ""}下午4点前付款的订单当天发出，之后的次日发货哦～`],
        ["customer", "发什么快递？我在县城"],
        ["agent", "默认发中通，偏远地区可以备注需要邮政，我们会按备注安排的～"],
        ["customer", "好，那我现在拍"],
      ],
    };
  }
  return {
    tags: ["赠品"],
    csat: good,
    resolved: rng() < 0.8,
    converted: rng() < 0.5,
    lines: [
      ["customer", `买${product.name}送什么赠品？`],
      ["agent", "亲，活动期间下单赠送收纳袋一个，赠品随单发出，数量有限送完即止哦～"],
      ["customer", "我昨天买的没有收到赠品"],
      ["agent", "亲，麻烦提供一下订单号，我帮您查一下～"],
      ["customer", `订单号${orderNo(rng)}`],
      [
        "agent",
        "查到了亲，您的订单在活动开始前付款，所以没有赠品，非常抱歉。这边给您申请一张5元无门槛券作为补偿可以吗？",
      ],
      ["customer", "行吧"],
    ],
  };
}

function afterSales(rng: Rng): Scenario {
  const product = pick(rng, PRODUCTS);
  const kind = between(rng, 0, 3);
  if (kind === 0) {
    return {
      tags: ["7天无理由", "退换货"],
      csat: () => pick(rng, [5, 5, 5, 4, 4, 4, 5, 3, 5, 4]),
      resolved: true,
      lines: [
        ["customer", `${product.name}不太喜欢，能退吗？吊牌还在`],
        ["agent", "亲，支持7天无理由退货的，商品不影响二次销售就可以～您在订单页面点申请售后，选择退货退款就行"],
        ["customer", "运费谁出？"],
        ["agent", "您的订单有运费险，退货运费会自动理赔到您的账户，一般1-3天到账～"],
        ["customer", "寄到哪个地址"],
        ["agent", "申请通过后系统会自动显示退货地址，请勿寄到付哦～收到货后48小时内给您退款"],
      ],
    };
  }
  if (kind === 1) {
    const phoneNumber = phone(rng);
    const slow = rng() < 0.35;
    return {
      tags: ["破损", "补发"],
      csat: () => (slow ? pick(rng, [2, 3, 4, 4]) : pick(rng, [5, 5, 4, 4, 5, 4, 3, 5, 4, 5])),
      resolved: !slow || rng() < 0.5,
      lines: [
        ["customer", `收到的${product.name}外包装压坏了，东西也有裂痕`],
        ["customer", "[图片]"],
        ...(slow ? ([["customer", "怎么没人回复？"]] as Line[]) : []),
        [
          "agent",
          `${slow ? "非常抱歉让您久等了！" : ""}亲，非常抱歉给您带来不好的体验，图片已收到，这边马上给您补发一件新的～`,
        ],
        ["customer", `好的，联系电话${phoneNumber}，地址不变`],
        ["agent", "好的亲，已为您登记补发，今天内安排发出，破损件不用寄回，您自行处理就好"],
        ["customer", "谢谢"],
      ],
    };
  }
  if (kind === 2) {
    const addr = address(rng);
    return {
      tags: ["物流异常"],
      csat: () => pick(rng, [5, 4, 4, 5, 3, 5, 4, 4, 2, 5]),
      resolved: rng() < 0.7,
      lines: [
        ["customer", "物流信息三天没更新了，是不是丢件了？"],
        ["agent", "亲，别着急，麻烦提供一下订单号，我帮您联系快递核实～"],
        ["customer", `订单号${orderNo(rng)}`],
        ["agent", "亲，已经联系快递了，包裹在中转站滞留，今天会重新发出。如果48小时内还没有更新，我们直接给您补发"],
        ["customer", `麻烦改一下地址，我搬家了，新地址${addr}`],
        ["agent", "好的亲，已经帮您备注修改地址并通知快递派送网点，有进展会第一时间短信通知您"],
      ],
    };
  }
  return {
    tags: ["维修", "保修"],
    csat: () => pick(rng, [5, 4, 4, 5, 5, 4, 3, 5, 4, 5]),
    resolved: true,
    lines: [
      ["customer", `${product.name}用了两个月坏了，还在保修期吗？`],
      ["agent", "亲，我们的产品保修一年，您方便描述一下具体是什么问题吗？"],
      ["customer", "开机没反应，充电也没用"],
      ["agent", "亲，建议先长按电源键10秒重置试试～如果还是不行，我们给您安排免费上门取件检修"],
      ["customer", "试过了不行"],
      ["agent", "好的亲，已为您提交保修工单，快递员会在1-2天内上门取件，检修完成后寄回，来回运费都由我们承担"],
    ],
  };
}

function complaints(rng: Rng, channel: "chat" | "phone"): Scenario {
  const product = pick(rng, PRODUCTS);
  const kind = between(rng, 0, 2);
  const caller = channel === "phone";
  if (kind === 0) {
    return {
      tags: ["质量投诉"],
      complaint: true,
      csat: () => pick(rng, [2, 3, 4, 4, 5, 4]),
      resolved: rng() < 0.75,
      lines: [
        ["customer", `我要投诉！刚买的${product.name}用了一次就坏了，你们卖的什么东西？`],
        ["agent", "您好，非常理解您的心情，给您添麻烦了，我是投诉专员，这件事由我全程跟进处理。"],
        ["customer", "我不要换货，直接退款，还耽误了我时间"],
        ["agent", "好的，这边为您办理全额退款，不需要您寄回商品，另外补偿您20元无门槛券，您看可以吗？"],
        ["customer", "行，退款多久到？"],
        ["agent", "退款已经提交，原路退回一般1-3个工作日到账，我会跟进到账情况，到账后再跟您确认一次。"],
      ],
    };
  }
  if (kind === 1) {
    const phoneNumber = phone(rng);
    return {
      tags: ["平台介入", "升级投诉"],
      complaint: true,
      csat: () => pick(rng, [1, 2, 3, 4]),
      resolved: rng() < 0.5,
      lines: [
        ["system", "平台客服已介入该售后纠纷"],
        ["customer", "之前的客服一直推来推去，我已经申请平台介入了"],
        ["agent", "非常抱歉之前的处理让您不满意，我这边会直接给您一个处理结果，不会再让您重复说明情况。"],
        ["customer", `你们能不能给个准话，我的电话是${phoneNumber}，今天必须解决`],
        ["agent", "好的，核实下来是我们的问题，这边同意您的退货退款申请，并承担来回运费，平台那边我们会同步处理结果。"],
        ["customer", "早这样不就好了"],
        ["agent", "给您带来的不便再次致歉，后续有任何问题可以直接联系我，我会一直跟进到结束。"],
      ],
    };
  }
  return {
    tags: ["赔付", "质量投诉"],
    complaint: true,
    csat: () => pick(rng, [3, 4, 4, 5, 5]),
    resolved: true,
    lines: [
      ["customer", `${product.name}漏电，差点出事，你们要给个说法`],
      ["agent", `${caller ? "您好，" : ""}首先请您注意安全，立即停止使用并断开电源。您的人身安全没有受到伤害吧？`],
      ["customer", "人没事，但是吓死了"],
      ["agent", "非常抱歉让您受惊了。这边为您全额退款，并按照质量问题给予100元赔付，商品请寄回检测，运费我们承担。"],
      ["customer", "好吧，那检测结果要告诉我"],
      ["agent", "一定会的，检测结果出来后我第一时间联系您，也会把情况反馈给品控部门。"],
    ],
  };
}

function followUp(rng: Rng): Scenario {
  const product = pick(rng, PRODUCTS);
  const surname = pick(rng, SURNAMES);
  const happy = rng() < 0.75;
  return {
    tags: happy ? ["回访", "满意度回访"] : ["回访", "问题未解决"],
    csat: () => (rng() < 0.3 ? null : happy ? pick(rng, [5, 5, 4]) : pick(rng, [1, 2, 3])),
    resolved: happy,
    lines: happy
      ? [
          [
            "agent",
            `您好，请问是${surname}先生/女士吗？我是优品生活的客服，之前您反馈的${product.name}问题已经处理完毕，想跟您做个回访。`,
          ],
          ["customer", "是我，你说"],
          ["agent", "请问补发的商品已经收到了吗？使用上还有什么问题吗？"],
          ["customer", "收到了，挺好的，谢谢"],
          ["agent", "不客气，稍后会有一条满意度短信，麻烦您帮忙评价一下，祝您生活愉快！"],
        ]
      : [
          ["agent", `您好，${surname}先生/女士，我是优品生活回访专员，想了解一下您上次${product.name}的售后处理情况。`],
          ["customer", "退款到现在还没到账，说好三天的"],
          ["agent", "非常抱歉，我这边马上帮您查询。……查到退款卡在银行处理中，我给您加急，今天下班前给您回电。"],
          ["customer", "每次都说加急"],
          ["agent", "理解您的不满，这次我亲自跟进，我的工号在短信里，今天一定给您答复。"],
        ],
  };
}

function scenarioFor(team: TeamCode, rng: Rng, channel: "chat" | "phone"): Scenario {
  if (team === "PRE") return preSales(rng);
  if (team === "AFT") return afterSales(rng);
  if (team === "CMP") return complaints(rng, channel);
  return followUp(rng);
}

function localIso(ms: number) {
  // Wall-clock time in China (UTC+8) written with its offset, as shop back-ends export it.
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}${OFFSET}`;
}

/** The conversations of one calendar day (YYYY-MM-DD, China time), for agents per team code. */
export function demoConversationsForDay(
  day: string,
  agentsByTeam: Record<TeamCode, string[]>,
  options: { idPrefix?: string; slots?: readonly number[] } = {},
): DemoConversation[] {
  const dayStart = Date.parse(`${day}T00:00:00${OFFSET}`);
  return TEAM_SLOTS.flatMap((team, index): DemoConversation[] => {
    if (options.slots && !options.slots.includes(index)) return [];
    const agents = agentsByTeam[team];
    if (agents.length === 0) return [];
    const rng = random(seedOf(`${day}#${index}`));
    const channel: "chat" | "phone" = team === "FUP" ? "phone" : team === "CMP" && rng() < 0.4 ? "phone" : "chat";
    const agent = pick(rng, agents);
    const scenario = scenarioFor(team, rng, channel);
    const phoneCall = channel === "phone";
    let at = dayStart + between(rng, 9 * 3600, 21 * 3600) * 1000;
    const startedAt = at;
    const messages = scenario.lines.map(([from, text], position) => {
      if (position > 0) {
        const agentReply = from === "agent" && scenario.lines[position - 1]![0] === "customer";
        // Chat replies mostly within a minute, now and then a slow one; phone turns follow each other closely.
        const seconds = phoneCall
          ? between(rng, 4, 25)
          : agentReply
            ? rng() < 0.12
              ? between(rng, 180, 720)
              : between(rng, 8, 75)
            : between(rng, 5, 90);
        at += seconds * 1000;
      }
      return { from, ...(from === "agent" ? { agent } : {}), at: localIso(at), text };
    });
    const endedAt = at + between(rng, 10, 120) * 1000;
    const product = PRODUCTS.find((entry) => scenario.lines.some(([, text]) => text.includes(entry.name)));
    const id = `${options.idPrefix ?? "YP"}${day.replaceAll("-", "")}-${team}-${String(index + 1).padStart(2, "0")}`;
    return [
      {
        id,
        channel,
        startedAt: localIso(startedAt),
        endedAt: localIso(endedAt),
        agents: [agent],
        customer: phoneCall ? `tel_${pick(rng, SURNAMES)}${between(rng, 100, 999)}` : `tb_${seedOf(id).toString(36)}`,
        csat: scenario.csat(),
        resolved: scenario.resolved,
        complaint: scenario.complaint ?? false,
        ...(scenario.converted !== undefined ? { converted: scenario.converted } : {}),
        ...(scenario.converted && product ? { orderValue: product.price } : {}),
        tags: scenario.tags,
        shop: pick(rng, SHOPS),
        messages,
      },
    ];
  });
}

function chinaDay(ms: number) {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

async function agentsByTeam(): Promise<Record<TeamCode, string[]>> {
  const users = await db.user.findMany({
    where: {
      status: "active",
      externalId: { startsWith: "A" },
      roles: { some: { role: "agent" } },
      team: { code: { in: ["PRE", "AFT", "CMP", "FUP"] } },
    },
    orderBy: { externalId: "asc" },
    select: { externalId: true, team: { select: { code: true } } },
  });
  const byTeam: Record<TeamCode, string[]> = { PRE: [], AFT: [], CMP: [], FUP: [] };
  for (const user of users) byTeam[user.team!.code as TeamCode].push(user.externalId);
  return byTeam;
}

export async function seedQaConversations(): Promise<string> {
  const agents = await agentsByTeam();
  if (Object.values(agents).every((list) => list.length === 0))
    return "conversations: no agents in PRE/AFT/CMP/FUP, skipped";
  const now = Date.now();
  const items: DemoConversation[] = [];
  // Same ids and content as the full days: a day that leaves the 60-day window keeps its conversations.
  for (let daysAgo = DAYS + HISTORY_DAYS; daysAgo > DAYS; daysAgo -= 1) {
    items.push(...demoConversationsForDay(chinaDay(now - daysAgo * 86_400_000), agents, { slots: HISTORY_SLOTS }));
  }
  for (let daysAgo = DAYS; daysAgo >= 1; daysAgo -= 1) {
    items.push(...demoConversationsForDay(chinaDay(now - daysAgo * 86_400_000), agents));
  }
  // Only what is new or different goes to the importer: a second run the same day creates no empty batch.
  const timeZone = env().APP_TIME_ZONE;
  const stored = new Map(
    (
      await db.conversation.findMany({
        where: { externalId: { in: items.map((item) => item.id) } },
        select: { externalId: true, contentHash: true },
      })
    ).map((row) => [row.externalId, row.contentHash]),
  );
  const pending = items.filter((item) => {
    const result = validateConversation(item, { timeZone });
    return !result.ok || stored.get(item.id) !== result.conversation.contentHash;
  });
  let created = 0;
  let updated = 0;
  let unchanged = items.length - pending.length;
  let rejected = 0;
  for (let start = 0; start < pending.length; start += 1_000) {
    const result = await importItems(pending.slice(start, start + 1_000), { source: "cli" });
    created += result.counts.created;
    updated += result.counts.updated;
    unchanged += result.counts.unchanged;
    rejected += result.counts.rejected;
  }
  return `conversations: ${items.length} (created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected})`;
}
