// Test data: a headline in each script the share cards must draw (used by card-fonts and social-card tests).
/** Headlines from world news in each script the cards must draw. */
export const SCRIPTS: [string, string][] = [
  ['Latin', 'El Congreso retoma la negociación: ¿otra prórroga? Łódź, Ærø, Şanlıurfa'],
  ['Cyrillic', 'Зеленский встретился с лидерами ЕС в Брюсселе'],
  ['Greek', 'Η Αθήνα ανακοινώνει νέα μέτρα για τη στέγαση'],
  ['Hebrew', 'ראש הממשלה נפגש עם שרי החוץ בירושלים'],
  ['Arabic', 'وزراء الخارجية العرب يجتمعون في القاهرة'],
  ['Chinese', '中国和日本领导人在北京会面'],
  ['Japanese', '東京の首脳会談、カナダと合意'],
  ['Korean', '서울에서 정상회담 열려'],
  ['emoji', 'Fans celebrate 🎉🏈 🇺🇸 👩‍⚕️ ❤️ 1️⃣'],
];
