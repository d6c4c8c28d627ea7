/** The scenario feature's own strings: suggestions without a scenario, and the walking-network parts (睦邻门 gates, closed links). */
import { defineStrings } from '../i18n';

export const s = defineStrings({
  addAllNew: { zh: '全部加入新方案', en: 'Add all to a new scenario' },
  suggestWithoutScenario: {
    zh: '无需先建方案：加入建议时将新建方案',
    en: 'No scenario needed: adding suggestions creates one named',
  },
  clustered: {
    zh: '建议点集中在{where}：选址模型逐个选出新增覆盖居民最多的位置，而人口模型把居民放在住宅楼（按建筑面积，五角场/复旦/同济一带有OSM住宅楼）或居住用地、陆地上，居民模型越密集处，一处新址覆盖的人越多。',
    en: 'The sites cluster in {where}: the siting model takes, one by one, the place that newly covers the most residents, and the population model puts residents on residential buildings (by floor area, where OSM has them: 五角场/复旦/同济) or on residential land or land, so one site covers more where modelled residents are dense.',
  },
  leftOut: {
    zh: '{circle}未覆盖居民最多（{gap}人）却没有建议点：那里最好的一处新址可新增覆盖{best}人（上列各建议点的新增覆盖人数可对照）。可勾选“仅在所选生活圈内”在该圈选址。',
    en: '{circle} has the most residents uncovered ({gap}) but no site: the best single site there would newly cover {best} (compare the gains listed above). Tick “Only in the selected circle” to site there.',
  },
  gatesTitle: { zh: '睦邻门与通道（步行网络）', en: 'Gates and links (walking network)' },
  gatesNeedNetwork: {
    zh: '睦邻门和关闭通道改变的是步行距离：请切换到“步行距离（最佳可得）”。',
    en: 'Gates and closed links change walking distances: switch the distance to walking (best available).',
  },
  gatesMappedOnly: {
    zh: '步行距离（最佳可得）模式：睦邻门和关闭通道只作用于已测绘的步行网络（五角场/复旦/同济一带）；网络之外的居民按估算步行距离计算，不受其影响。',
    en: 'Walking (best available): gates and closed links act only on the mapped walking network (the 五角场/复旦/同济 area); residents outside it are counted by an estimated walk, which they do not change.',
  },
  useNetwork: { zh: '切换到步行距离', en: 'Use walking distance' },
  addGate: { zh: '添加睦邻门（点击两端）', en: 'Add a gate (click both ends)' },
  addingGate: {
    zh: '点击地图上门的两端…（Esc 取消）',
    en: 'Click the gate’s two ends on the map… (Esc cancels)',
  },
  gateLimit: {
    zh: '睦邻门是围墙上的一道开口：两端点在墙两侧的步行路上，门长不超过60米（墙、退界和两侧短路的长度）；更长的是穿过街坊的新路，不计入。',
    en: 'A gate is an opening in a wall: click the walks either side of it; a gate is at most 60 m long (the wall, its setback and a short path each side). A longer link is a new path through a block and is not counted.',
  },
  closeLink: { zh: '关闭通道（点击该路段）', en: 'Close a link (click it)' },
  closingLink: { zh: '点击要关闭的路段…（Esc 取消）', en: 'Click the link to close… (Esc cancels)' },
  gate: { zh: '睦邻门', en: 'Gate' },
  closure: { zh: '关闭的通道', en: 'Closed link' },
  suggestGates: { zh: '建议开门位置', en: 'Suggest gates' },
  suggestGatesRun: { zh: '计算开门建议', en: 'Find gates' },
  walkSaved: { zh: '步行缩短', en: 'walk saved' },
  gateLength: { zh: '门长', en: 'link' },
  noGateHelps: {
    zh: '没有找到能让更多居民进入步行范围的开门位置。',
    en: 'No gate was found that brings more residents within the walk.',
  },
  gatesModel: {
    zh: '候选：直线相距60米以内、沿步行网络相距很远（≥3倍且多200米）的两点（墙、围栏、铁路两侧）。按新增覆盖居民贪心排序；基于OSM步行网络，仅五角场一带。',
    en: 'Candidates: points within 60 m in a straight line but far apart along the network (≥ 3× and ≥ 200 m more): two sides of a wall, fence or rail line. Ranked greedily by residents newly within the walk; OSM walking network, 五角场 area only.',
  },
});
