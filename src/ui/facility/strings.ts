/** The facility card's and facility lists' own strings (zh first, en). */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  approximate: { zh: '约略位置', en: 'located approximately' },
  approximateNote: {
    zh: '与另外{n}处不同名称的设施共用同一坐标：来源把它们放在同一点（楼、道路或街道办），位置为约略，未作移动。',
    en: 'Shares its exact point with {n} other sites of different names: the source put them at one point (a building, a road or a 街道 office), so the position is approximate; it is not moved.',
  },
  imported: { zh: '导入', en: 'imported' },
  importedNote: {
    zh: '来自您导入的文件（保存在本浏览器）',
    en: 'from a file you imported (kept in this browser)',
  },
});
