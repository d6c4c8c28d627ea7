/** The scenarios feature's own strings. */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  addAllNew: { zh: '全部加入新方案', en: 'Add all to a new scenario' },
  suggestWithoutScenario: {
    zh: '无需先建方案：加入建议时将新建方案',
    en: 'No scenario needed: adding suggestions creates one named',
  },
});
