/** Chinese text of the general dialogue: greeting, help menu, thanks, handoff, out of scope. */
export const generalText = {
  greeting: (name: string | null) =>
    `${name ? `${name}，` : ''}您好！我是邻里小助手，街道的事可以问我：找零工、医保参保、随手拍反映问题、文化活动报名。请问有什么可以帮您？`,
  menuTitle: '我能帮您办这些事：',
  menuFooter: '回复数字即可，也可以直接说您的事，比如“附近有没有日结的保洁”。',
  thanks: '不客气！还有别的事随时找我。',
  none: '这个问题我还答不上来。我能帮您办街道的这些事：',
  handoff: {
    open: (hours: string, phone: string) =>
      `好的，已为您转人工，工作人员正在上班，会尽快在这里回复您。（办公时间：${hours}；急事可拨打 ${phone}）`,
    closed: (hours: string, phone: string) =>
      `好的，已记下您的请求。现在是下班时间，工作人员会在上班后（${hours}）第一时间回复您；急事请拨打 ${phone}。`,
    staffNotice: (id: number, who: string, text: string) => `【转人工 #${id}】${who}：${text}`,
  },
  anonymous: '一位居民',
} as const;

/** The services in the help menu, in the order shown. */
export const menuItems = [
  { label: '找零工·找工作', intent: 'job.search' },
  { label: '城乡居民医保', intent: 'insurance.info' },
  { label: '随手拍·反映问题', intent: 'hazard.report' },
  { label: '文化活动报名', intent: 'event.list' },
  { label: '给街道留言', intent: 'feedback' },
  { label: '转人工服务', intent: 'human.handoff' },
] as const;

