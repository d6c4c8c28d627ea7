/** Small import files for the walkthrough test and the screenshot script. */

/** Two canteens in Yangpu and one in Hongkou (鲁迅公园), inside the import box but outside the district. */
export const OUTSIDE_CSV =
  '名称,经度,纬度,类型\n新食堂甲,121.5143,31.3000,长者食堂\n新食堂乙,121.5300,31.2800,长者食堂\n虹口食堂丙,121.4825,31.2710,长者食堂\n';
