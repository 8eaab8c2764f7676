/**
 * A small traditional → simplified character table: the common characters residents
 * might type on a phone set to traditional input (or paste from a relative's message).
 * Hand-written and deliberately short: it only has to make the n-gram features of a
 * traditional message look like those of the simplified corpus; rare characters fall
 * through unchanged.
 */

// Space-separated pairs, traditional then simplified, so each mapping can be checked by eye.
const PAIRS =
  '們们 個个 來来 這这 對对 説说 說说 時时 會会 為为 國国 過过 還还 點点 發发 後后 經经 動动 與与 開开 ' +
  '關关 長长 門门 問问 間间 見见 現现 實实 電电 話话 號号 碼码 車车 區区 機机 樣样 頭头 麼么 讓让 聽听 ' +
  '請请 謝谢 識识 認认 議议 記记 許许 診诊 讀读 課课 誰谁 調调 談谈 費费 貸贷 資资 買买 賣卖 賠赔 錢钱 ' +
  '銀银 鐵铁 鍋锅 錯错 鎮镇 鄉乡 縣县 陽阳 隊队 際际 險险 隨随 難难 雞鸡 雲云 靈灵 頁页 順顺 須须 預预 ' +
  '領领 頻频 題题 顏颜 風风 飛飞 飯饭 飲饮 餓饿 館馆 驗验 體体 鬧闹 魚鱼 鳥鸟 麥麦 黃黄 齊齐 齒齿 龍龙 ' +
  '無无 進进 運运 遠远 連连 週周 達达 選选 遲迟 邊边 辦办 務务 勞劳 勢势 協协 單单 衛卫 廠厂 歷历 厲厉 ' +
  '參参 員员 啟启 喚唤 嗎吗 噴喷 園园 圍围 圖图 團团 壞坏 壓压 報报 場场 塊块 塵尘 壯壮 聲声 處处 備备 ' +
  '復复 夠够 夾夹 奪夺 獎奖 婦妇 媽妈 學学 孫孙 寧宁 寫写 審审 將将 專专 尋寻 導导 層层 屬属 岡冈 島岛 ' +
  '峽峡 嶺岭 幣币 幫帮 幾几 庫库 廣广 廳厅 張张 強强 歸归 當当 從从 徑径 態态 總总 戶户 應应 戀恋 懷怀 ' +
  '掛挂 揮挥 換换 損损 搖摇 搶抢 擁拥 擇择 擊击 擔担 據据 擠挤 擴扩 擾扰 攝摄 敗败 敵敌 數数 斷断 舊旧 ' +
  '晉晋 晝昼 曉晓 暫暂 東东 條条 楊杨 極极 樂乐 標标 樹树 橋桥 檢检 歡欢 歲岁 殘残 氣气 決决 沒没 溝沟 ' +
  '滅灭 湯汤 準准 滿满 濕湿 濟济 灣湾 災灾 煙烟 熱热 燈灯 燒烧 營营 爺爷 牽牵 狀状 獨独 獲获 環环 產产 ' +
  '畫画 異异 療疗 癢痒 盡尽 盤盘 眾众 睜睁 確确 礙碍 礦矿 祿禄 禮礼 禍祸 種种 稅税 稱称 穩稳 窮穷 竊窃 ' +
  '筆笔 節节 範范 築筑 簡简 糧粮 紀纪 約约 紅红 紙纸 級级 細细 終终 組组 結结 絕绝 給给 統统 絲丝 綠绿 ' +
  '網网 線线 練练 緊紧 織织 繳缴 纖纤 續续 罰罚 罷罢 羅罗 義义 習习 聯联 職职 腦脑 膽胆 臉脸 臨临 興兴 ' +
  '舉举 艙舱 藝艺 蘇苏 葉叶 萬万 蔣蒋 蟲虫 補补 裝装 裡里 製制 複复 規规 視视 覺觉 親亲 觀观 計计 訂订 ' +
  '訊讯 討讨 訓训 設设 訪访 證证 評评 詢询 試试 該该 詳详 語语 誤误 諸诸 護护 讚赞 變变 貝贝 負负 貨货 ' +
  '質质 貴贵 貼贴 賓宾 賞赏 賢贤 趕赶 趙赵 跡迹 踐践 躍跃 軍军 軟软 較较 輕轻 輛辆 輸输 轉转 郵邮 鄰邻 ' +
  '醫医 鋼钢 錄录 鍵键 鏈链 閉闭 閒闲 閱阅 陰阴 陳陈 陸陆 雙双 雜杂 雖虽 離离 霧雾 靜静 響响 頂顶 項项 ' +
  '額额 願愿 類类 顯显 養养 驅驱 鬆松 麗丽 黨党 齡龄 龜龟 樓楼 價价 幹干 傷伤 藥药 簽签 鐘钟 蓋盖 觸触 ' +
  '億亿 傳传 僱雇 兒儿 冊册 劃划 勵励 匯汇 嘗尝 圓圆 壇坛 寬宽 帶带 廢废 彈弹 徵征 憑凭 戲戏 擋挡 攤摊 ' +
  '歐欧 殺杀 毀毁 漢汉 漲涨 潔洁 濱滨 爐炉 牆墙 獻献 瘋疯 監监 礎础 糾纠 紛纷 紹绍 維维 綁绑 緣缘 編编 ' +
  '緩缓 縮缩 繼继 罵骂 聞闻 腳脚 華华 莊庄 蓮莲 薦荐 蝦虾 衝冲 襪袜 訴诉 詐诈 誠诚 謊谎 豐丰 貧贫 購购 ' +
  '賺赚 賬账 輔辅 農农 迴回 鄭郑 醬酱 釘钉 針针 鈔钞 鋪铺 闆板 隱隐 頓顿 顧顾 飼饲 飽饱 餅饼 駕驾 騙骗 ' +
  '驚惊 髮发 鬥斗 鹽盐 麵面 齋斋 墜坠 倉仓 嚴严 燙烫 鬱郁 鍾钟 勸劝 誼谊 廁厕 蘭兰 龐庞 樸朴 劑剂 瀉泻 ' +
  '臟脏 衆众 鏡镜 懶懒 積积 盧卢 獄狱 訟讼 償偿 擬拟 殯殡 喪丧 諮咨 兌兑 兩两 ';

/** Traditional character → simplified character (515 common characters). */
export const TRAD_TO_SIMP: ReadonlyMap<string, string> = new Map(
  PAIRS.trim()
    .split(/\s+/)
    .map((pair) => [...pair] as [string, string]),
);
