import type { Finding, Rule } from '../rule.js';
import { walkStrings } from '../walk-strings.js';

// docs/domain.md#privacy: a public document must not name private people. The
// patterns below look for a full name tied to a household (X某某户 is fine) or
// to a villager, and for ID-card and mobile numbers. Officials named by their
// role (镇长某某任组长) match none of them.
//
// Common surnames, less those that often begin ordinary words before 户 or
// after 村民 in this domain (安置户, 温饱户, 万元户, 于是, 方式, 高度, 龙湾村…).
const SURNAMES =
  '王李张刘陈杨赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付邹孟熊秦邱尹薛阎段雷侯史陶黎贺顾郝龚邵钱覃武戴孔汤庞樊殷洪翟颜倪牛俞葛伍聂焦柳邢骆岳欧冉游蒲';
const ANONYMISED = /[某X×＊*○〇]/;
const HOUSEHOLD = new RegExp(`[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}(?=户)`, 'gu');
const PERSON_ROLE = '村民|农户|户主|群众|居民|脱贫户|监测户|低保户|困难户|患者|老人|学生';
const VILLAGER = new RegExp(`(?:${PERSON_ROLE})([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})`, 'gu');
const ID_CARD = /(?<![0-9])[1-9]\d{16}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

// Words that end in 户 and begin with a surname character, yet name no one.
const NOT_A_NAME = new Set(['余户', '周户', '万户', '曾户']);

// Last characters of an office or a post (镇纪委, 林业站, 党政办, 驻村工作队, 村支书…):
// a short text ending so names a post, not a person, though it starts like a surname.
const POST_ENDING = /[委办站所局院组部队会科股室处中心长记员任庭馆社团司]$/u;
const BARE_NAME = new RegExp(`^[${SURNAMES}][\\u4e00-\\u9fa5]{1,2}$`, 'u');

/**
 * A text that is, by itself, most likely a person's full name: a common
 * surname and one or two more Han characters, and not ending as an office or
 * a post does (张伟 and 欧阳 are; 林业站 and 镇纪委 are not). For fields that
 * must hold a post, not a name (a 回头看's checkedBy, docs/domain.md#回头看).
 */
export function looksLikePersonalName(text: string): boolean {
  const t = text.trim();
  return BARE_NAME.test(t) && !POST_ENDING.test(t) && !ANONYMISED.test(t);
}

export interface PrivateMention {
  kind: 'household' | 'villager' | 'id-card' | 'mobile';
  text: string;
}

const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** Offsets (UTF-16) where the dictionary's words start in `text`. */
function wordStarts(text: string): Set<number> {
  return new Set([...SEGMENTER.segment(text)].map((s) => s.index));
}

export function findPrivateMentions(text: string): PrivateMention[] {
  const found: PrivateMention[] = [];
  const starts = HOUSEHOLD.test(text) ? wordStarts(text) : new Set<number>();
  HOUSEHOLD.lastIndex = 0;
  for (const m of text.matchAll(HOUSEHOLD)) {
    const name = m[0];
    // A name stands as words of its own: its surname starts a word and 户 follows as a word. Not a name:
    // 其余农户, 余下农户 (the "surname" is inside 其余, 余下), 周边农户 (户 is part of 农户).
    const standsAlone = starts.has(m.index) && starts.has(m.index + name.length);
    if (standsAlone && !ANONYMISED.test(name) && !NOT_A_NAME.has(`${name}户`)) found.push({ kind: 'household', text: `${name}户` });
  }
  for (const m of text.matchAll(VILLAGER)) {
    if (!ANONYMISED.test(m[1]!)) found.push({ kind: 'villager', text: m[0] });
  }
  for (const m of text.matchAll(ID_CARD)) found.push({ kind: 'id-card', text: m[0] });
  for (const m of text.matchAll(MOBILE)) found.push({ kind: 'mobile', text: m[0] });
  return found;
}

const KIND_LABEL: Record<PrivateMention['kind'], string> = {
  household: '可能是农户户主姓名',
  villager: '可能是群众姓名',
  'id-card': '可能是身份证号码',
  mobile: '可能是手机号码',
};

export const privacy: Rule = {
  id: 'privacy',
  severity: 'warning',
  description: '公开发布的方案中出现群众姓名、身份证号或手机号 / public plan names private persons or shows ID-card or mobile numbers',
  check({ folder }) {
    const { planSource, plan } = folder;
    if (!plan.notice.public) return [];
    const findings: Finding[] = [];
    for (const { path, text } of walkStrings(planSource.value)) {
      for (const mention of findPrivateMentions(text)) {
        findings.push({ source: planSource, path, message: `公开发布的文件中出现“${mention.text}”，${KIND_LABEL[mention.kind]}，请改为“某某”等` });
      }
    }
    return findings;
  },
};
