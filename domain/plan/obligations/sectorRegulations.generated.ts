/**
 * GENERATED from the sector-regulations index of the National Laws & Regulations Database (law.moj.gov.tw, via the public mirror kong0107/mojLawSplitJSON, snapshot 2024-10-24).
 * The 58 sector security-maintenance regulations in force; repealed ones are left out.
 * domain/ does no file I/O, so the index is compiled in. Regenerate rather than edit by hand.
 */
import type { IsoDate } from '../../shared/isoDate';

export interface SectorRegulation {
  pcode: string;
  name: string;
  /** Ministry category in the laws database, e.g. 行政＞經濟部＞產業目 */
  category: string;
  lastAmended: IsoDate;
  url: string;
  articles: number;
}

export const inForceSectorRegulations: readonly SectorRegulation[] = [
  { pcode: 'D0020076', name: '內政部指定殯葬服務業個人資料檔案安全維護管理辦法', category: '行政＞內政部＞宗教及禮制目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0020076', articles: 24 },
  { pcode: 'D0020085', name: '內政部指定合作及人民團體類非公務機關個人資料檔案安全維護管理辦法', category: '行政＞內政部＞合作及人民團體目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0020085', articles: 23 },
  { pcode: 'D0020086', name: '內政部指定祭祀團體個人資料檔案安全維護管理辦法', category: '行政＞內政部＞宗教及禮制目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0020086', articles: 23 },
  { pcode: 'D0020087', name: '內政部指定政黨及全國性民政財團法人個人資料檔案安全維護管理辦法', category: '行政＞內政部＞民政目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0020087', articles: 23 },
  { pcode: 'D0020088', name: '內政部指定宗教團體個人資料檔案安全維護管理辦法', category: '行政＞內政部＞宗教及禮制目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0020088', articles: 23 },
  { pcode: 'D0030036', name: '內政部指定交友服務業個人資料檔案安全維護管理辦法', category: '行政＞內政部＞戶政目', lastAmended: '2022-08-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0030036', articles: 23 },
  { pcode: 'D0050210', name: '社會福利機構個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞社會及家庭目', lastAmended: '2022-06-09', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0050210', articles: 20 },
  { pcode: 'D0050215', name: '社會福利財團法人個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞社會及家庭目', lastAmended: '2024-10-04', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0050215', articles: 18 },
  { pcode: 'D0060136', name: '內政部指定地政類非公務機關個人資料檔案安全維護管理辦法', category: '行政＞內政部＞地政目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0060136', articles: 24 },
  { pcode: 'D0070242', name: '工程技術顧問業個人資料檔案安全維護計畫及處理辦法', category: '行政＞行政院公共工程委員會＞通用目', lastAmended: '2021-08-17', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0070242', articles: 22 },
  { pcode: 'D0070299', name: '內政部指定營建類非公務機關個人資料檔案安全維護管理辦法', category: '行政＞內政部＞國土管理目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0070299', articles: 25 },
  { pcode: 'D0080198', name: '內政部指定移民業務機構個人資料檔案安全維護管理辦法', category: '行政＞內政部＞移民目', lastAmended: '2021-11-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0080198', articles: 23 },
  { pcode: 'D0080210', name: '內政部指定警政類非公務機關個人資料檔案安全維護管理辦法', category: '行政＞內政部＞警政目', lastAmended: '2021-11-03', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=D0080210', articles: 23 },
  { pcode: 'E0040029', name: '僑務委員會指定特定非公務機關個人資料檔案安全維護辦法', category: '行政＞僑務委員會＞綜合規劃目', lastAmended: '2022-03-11', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=E0040029', articles: 16 },
  { pcode: 'G0320033', name: '公益彩券發行機構個人資料檔案安全維護管理辦法', category: '行政＞財政部＞國庫目', lastAmended: '2021-07-28', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0320033', articles: 23 },
  { pcode: 'G0330036', name: '菸酒事業個人資料檔案安全維護管理辦法', category: '行政＞財政部＞國庫目', lastAmended: '2021-10-26', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0330036', articles: 24 },
  { pcode: 'G0340165', name: '記帳士與記帳及報稅代理人個人資料檔案安全維護管理辦法', category: '行政＞財政部＞賦稅目', lastAmended: '2022-01-20', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0340165', articles: 22 },
  { pcode: 'G0350076', name: '保稅倉庫及物流中心個人資料檔案安全維護管理辦法', category: '行政＞財政部＞關務目', lastAmended: '2022-02-08', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0350076', articles: 23 },
  { pcode: 'G0350077', name: '報關業個人資料檔案安全維護管理辦法', category: '行政＞財政部＞關務目', lastAmended: '2022-03-04', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0350077', articles: 23 },
  { pcode: 'G0380233', name: '金融監督管理委員會指定非公務機關個人資料檔案安全維護辦法', category: '行政＞金融監督管理委員會＞檢查目', lastAmended: '2021-12-14', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0380233', articles: 21 },
  { pcode: 'G0430010', name: '票據交換所個人資料檔案安全維護計畫標準辦法', category: '行政＞中央銀行＞業務目', lastAmended: '2024-06-27', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=G0430010', articles: 37 },
  { pcode: 'H0030056', name: '私立專科以上學校及私立學術研究機構個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞高等教育目', lastAmended: '2021-12-08', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0030056', articles: 20 },
  { pcode: 'H0070072', name: '私立高級中等以下學校及幼兒園個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞國民及學前教育目', lastAmended: '2021-12-08', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0070072', articles: 23 },
  { pcode: 'H0080088', name: '短期補習班個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞終身教育目', lastAmended: '2022-01-22', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0080088', articles: 21 },
  { pcode: 'H0080099', name: '私立兒童課後照顧服務中心個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞終身教育目', lastAmended: '2022-01-22', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0080099', articles: 23 },
  { pcode: 'H0110008', name: '海外臺灣學校及大陸地區臺商學校個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞國際及兩岸事務目', lastAmended: '2021-11-05', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0110008', articles: 25 },
  { pcode: 'H0120077', name: '運動彩券業個人資料檔案安全維護計畫實施辦法', category: '行政＞教育部＞體育目', lastAmended: '2021-11-08', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=H0120077', articles: 22 },
  { pcode: 'J0030130', name: '製造業及技術服務業個人資料檔案安全維護管理辦法', category: '行政＞經濟部＞產業目', lastAmended: '2023-10-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0030130', articles: 16 },
  { pcode: 'J0070050', name: '著作權集體管理團體個人資料檔案安全維護管理辦法', category: '行政＞經濟部＞智慧財產權目', lastAmended: '2021-12-21', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0070050', articles: 11 },
  { pcode: 'J0080062', name: '綜合商品零售業個人資料檔案安全維護管理辦法', category: '行政＞經濟部＞商業目', lastAmended: '2023-08-01', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0080062', articles: 22 },
  { pcode: 'J0110089', name: '自來水事業個人資料檔案安全維護計畫標準辦法', category: '行政＞經濟部＞水利目', lastAmended: '2022-03-14', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0110089', articles: 27 },
  { pcode: 'J0130066', name: '電業與公用天然氣事業及加油站業個人資料檔案安全維護管理辦法', category: '行政＞經濟部＞能源目', lastAmended: '2023-11-03', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0130066', articles: 17 },
  { pcode: 'J0150015', name: '多層次傳銷業訂定個人資料檔案安全維護計畫及業務終止後個人資料處理方法作業辦法', category: '行政＞公平交易委員會＞公平交易目', lastAmended: '2022-03-23', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0150015', articles: 16 },
  { pcode: 'J0160083', name: '游離輻射設備製造業個人資料檔案安全維護管理辦法', category: '行政＞核能安全委員會＞原子能目', lastAmended: '2023-12-21', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=J0160083', articles: 21 },
  { pcode: 'K0010162', name: '數位經濟相關產業個人資料檔案安全維護管理辦法', category: '行政＞數位發展部＞數位產業目', lastAmended: '2023-10-12', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0010162', articles: 20 },
  { pcode: 'K0040071', name: '停車場經營業個人資料檔案安全維護計畫及處理辦法', category: '行政＞交通部＞公路目', lastAmended: '2022-03-23', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0040071', articles: 22 },
  { pcode: 'K0060104', name: '國家通訊傳播委員會指定非公務機關個人資料檔案安全維護辦法', category: '行政＞國家通訊傳播委員會＞資訊業務目', lastAmended: '2022-07-01', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0060104', articles: 7 },
  { pcode: 'K0070073', name: '船舶運送業個人資料檔案安全維護計畫及處理辦法', category: '行政＞交通部＞航政目', lastAmended: '2022-04-21', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0070073', articles: 23 },
  { pcode: 'K0090080', name: '民用航空事業個人資料檔案安全維護計畫及處理辦法', category: '行政＞交通部＞航空目', lastAmended: '2022-06-01', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0090080', articles: 24 },
  { pcode: 'K0110047', name: '汽車運輸業與計程車客運服務業個人資料檔案安全維護計畫及處理辦法', category: '行政＞交通部＞公路目', lastAmended: '2023-10-24', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0110047', articles: 23 },
  { pcode: 'K0110048', name: '交通部指定觀光產業類非公務機關個人資料檔案安全維護計畫及處理辦法', category: '行政＞交通部＞觀光目', lastAmended: '2022-04-01', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=K0110048', articles: 23 },
  { pcode: 'L0020214', name: '護理機構個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞護理及健康照護目', lastAmended: '2022-06-13', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0020214', articles: 19 },
  { pcode: 'L0020215', name: '精神復健機構個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞心理健康目', lastAmended: '2022-06-30', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0020215', articles: 19 },
  { pcode: 'L0020218', name: '醫院個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞醫事目', lastAmended: '2022-09-23', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0020218', articles: 21 },
  { pcode: 'L0030108', name: '西藥批發零售業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞食品藥物管理目', lastAmended: '2022-01-21', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0030108', articles: 23 },
  { pcode: 'L0030136', name: '非輻射電子醫療器材設備製造業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞食品藥物管理目', lastAmended: '2022-01-20', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0030136', articles: 23 },
  { pcode: 'L0030137', name: '醫療器材批發零售業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞食品藥物管理目', lastAmended: '2022-01-21', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0030137', articles: 23 },
  { pcode: 'L0030138', name: '化粧品批發零售業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞食品藥物管理目', lastAmended: '2022-01-27', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0030138', articles: 23 },
  { pcode: 'L0030139', name: '中藥批發零售業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞中醫藥目', lastAmended: '2022-03-17', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0030139', articles: 23 },
  { pcode: 'L0040143', name: '食品業個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞食品藥物管理目', lastAmended: '2022-01-19', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0040143', articles: 23 },
  { pcode: 'L0070060', name: '私立長期照顧服務機構個人資料檔案安全維護計畫實施辦法', category: '行政＞衛生福利部＞長期照顧目', lastAmended: '2022-06-22', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=L0070060', articles: 18 },
  { pcode: 'M0070067', name: '農業金融業個人資料檔案安全維護管理辦法', category: '行政＞農業部＞農業金融目', lastAmended: '2022-04-12', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=M0070067', articles: 21 },
  { pcode: 'M0140049', name: '農藥販賣業個人資料檔案安全維護管理辦法', category: '行政＞農業部＞動植物防檢疫目', lastAmended: '2022-12-02', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=M0140049', articles: 18 },
  { pcode: 'N0020023', name: '人力供應業個人資料檔案安全維護計畫及處理辦法', category: '行政＞勞動部＞勞動關係目', lastAmended: '2022-03-09', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=N0020023', articles: 33 },
  { pcode: 'N0080048', name: '私立職業訓練機構個人資料檔案安全維護計畫及處理辦法', category: '行政＞勞動部＞職業訓練目', lastAmended: '2022-03-18', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=N0080048', articles: 24 },
  { pcode: 'N0090045', name: '人力仲介業個人資料檔案安全維護計畫及處理辦法', category: '行政＞勞動部＞就業服務目', lastAmended: '2021-09-27', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=N0090045', articles: 32 },
  { pcode: 'P0040017', name: '電影事業個人資料檔案安全維護計畫及處理辦法', category: '行政＞文化部＞影視出版目', lastAmended: '2024-04-22', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=P0040017', articles: 19 },
  { pcode: 'Q0010012', name: '大陸委員會指定非公務機關個人資料檔案安全維護辦法', category: '行政＞大陸委員會＞通用法規目', lastAmended: '2021-12-28', url: 'https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=Q0010012', articles: 16 },
];
