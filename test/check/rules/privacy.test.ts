import { describe, expect, it } from 'vitest';
import { findPrivateMentions, privacy } from '../../../src/check/rules/privacy.js';
import { runRule, withPlan } from '../../helpers/fixture-folder.js';

describe('privacy', () => {
  it('does not flag officials named in their role, anonymised villagers or common household words', () => {
    const texts = [
      '乡长孙德明任组长，副乡长周海燕任副组长。',
      '村民李某某家中厕所未改造；某村张某户房屋未拆除。',
      '脱贫户与监测户中，安置户、低保户、困难户、种粮大户均已走访。',
      '脱贫户于2015年进行危改，农户家庭收入核算不准。',
      // A surname character inside an ordinary word, or 户 inside 农户/住户: no name.
      '其余农户均已走访，余下农户全部签字。',
      '周边农户反映强烈，其余住户已搬迁。',
    ];
    for (const text of texts) expect(findPrivateMentions(text)).toEqual([]);
  });
  it('finds a named household, a named villager, an ID-card and a mobile number', () => {
    expect(findPrivateMentions('石桥村于3月将王德贵户纳入监测。').map((m) => m.text)).toEqual(['王德贵户']);
    expect(findPrivateMentions('将曾玉成户、周建国户和李明户纳入监测。').map((m) => m.text)).toEqual(['曾玉成户', '周建国户', '李明户']);
    expect(findPrivateMentions('村民刘春花反映').map((m) => m.kind)).toEqual(['villager']);
    expect(findPrivateMentions('身份证号51023019800101123X，电话13812345678。').map((m) => m.kind)).toEqual(['id-card', 'mobile']);
  });
  it('checks only plans marked public', () => {
    const named = (isPublic: boolean) =>
      withPlan((p) => {
        p.problems[0]!.summary = '河口村将赵永福户纳入监测管理。';
        p.notice.public = isPublic;
      });
    expect(runRule(privacy, { plan: named(true) })).toMatchObject([{ severity: 'warning', path: ['problems', 0, 'summary'] }]);
    expect(runRule(privacy, { plan: named(false) })).toEqual([]);
  });
});
