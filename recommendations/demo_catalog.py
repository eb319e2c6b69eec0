"""The demo course catalog, written for this app, and the synthetic generator.

Loaded by `manage.py load_demo_catalog` (run by `make run`). Codes in
`goals` and `audiences` are onboarding.choices.LearningGoal and Occupation
values; levels are recommendations.models.CefrLevel.
"""

from __future__ import annotations

import random
from typing import Any

from recommendations.models import CefrLevel

A1, A2, B1, B2, C1, C2 = (
    CefrLevel.A1,
    CefrLevel.A2,
    CefrLevel.B1,
    CefrLevel.B2,
    CefrLevel.C1,
    CefrLevel.C2,
)

EXAM, BUSINESS, TRAVEL, CONVERSATION, ACADEMIC = (
    "exam_preparation",
    "business",
    "travel",
    "conversation",
    "academic",
)
SCHOOL, UNIVERSITY, PROFESSIONAL, TEACHER, OTHER = (
    "school_student",
    "university_student",
    "working_professional",
    "teacher",
    "other",
)
EVERYONE = (SCHOOL, UNIVERSITY, PROFESSIONAL, TEACHER, OTHER)
ADULTS = (UNIVERSITY, PROFESSIONAL, TEACHER, OTHER)


def _course(
    slug: str,
    levels: tuple[int, int],
    goals: tuple[str, ...],
    audiences: tuple[str, ...],
    en: tuple[str, str],
    zh: tuple[str, str],
    *,
    featured: bool = False,
) -> dict[str, Any]:
    return {
        "slug": slug,
        "level_min": int(levels[0]),
        "level_max": int(levels[1]),
        "goals": list(goals),
        "audiences": list(audiences),
        "title_en": en[0],
        "summary_en": en[1],
        "title_zh_hans": zh[0],
        "summary_zh_hans": zh[1],
        "featured": featured,
    }


DEMO_COURSES: list[dict[str, Any]] = [
    # --- Conversation and everyday English -----------------------------------
    _course(
        "first-steps-in-english",
        (A1, A1),
        (CONVERSATION, TRAVEL),
        EVERYONE,
        (
            "First Steps in English",
            "Greet people, introduce yourself, count, tell the time and ask simple questions. "
            "Ten-minute daily lessons with recordings by native speakers, for complete beginners.",
        ),
        (
            "英语入门第一步",
            "学会打招呼、自我介绍、数数、说时间和提简单的问题。每天十分钟，配有母语者录音，适合零基础学习者。",
        ),
        featured=True,
    ),
    _course(
        "sounds-of-english",
        (A1, A2),
        (CONVERSATION,),
        EVERYONE,
        (
            "Sounds of English: Pronunciation for Beginners",
            "Hear and make the sounds that do not exist in Chinese, from 'th' to the short 'i' in "
            "'ship'. Record yourself and compare with a model after every lesson.",
        ),
        (
            "英语发音入门",
            "听辨并练习中文里没有的发音，从 th 到 ship 中的短元音 i。每课结束后录下自己的发音，与示范对比。",
        ),
    ),
    _course(
        "everyday-english-home-and-family",
        (A1, A2),
        (CONVERSATION,),
        (SCHOOL, OTHER, PROFESSIONAL),
        (
            "Everyday English: Home, Family and Friends",
            "Talk about the people you live with, your home and your week. Simple present, "
            "possessives and the 500 words you will use every day.",
        ),
        (
            "日常英语：家庭与朋友",
            "用英语谈论家人、住所和一周的生活。学习一般现在时、所有格，以及每天都会用到的 500 个常用词。",
        ),
    ),
    _course(
        "grammar-essentials-present-past-future",
        (A1, A2),
        (CONVERSATION, EXAM),
        (SCHOOL, UNIVERSITY, OTHER),
        (
            "Grammar Essentials: Present, Past and Future",
            "The tenses you need first, explained with short stories instead of tables, and "
            "practised until you choose the right one without thinking.",
        ),
        (
            "语法基础：现在、过去与将来",
            "最先需要掌握的几种时态，用小故事而不是表格来讲解，反复练习，直到不假思索就能选对。",
        ),
    ),
    _course(
        "everyday-conversations-shopping-weather-plans",
        (A2, A2),
        (CONVERSATION,),
        EVERYONE,
        (
            "Everyday Conversations: Shopping, Weather and Plans",
            "Buy things, make small plans with friends and keep a short conversation going. "
            "Role plays with recorded partners and instant feedback.",
        ),
        (
            "日常会话：购物、天气与安排",
            "学会买东西、和朋友约时间，并把简短的对话聊下去。通过与录音搭档进行角色扮演，即时获得反馈。",
        ),
    ),
    _course(
        "the-art-of-small-talk",
        (B1, B1),
        (CONVERSATION, BUSINESS),
        ADULTS,
        (
            "The Art of Small Talk",
            "Start a conversation with a stranger, keep it light and end it politely. Safe topics, "
            "follow-up questions and the phrases that buy you time.",
        ),
        (
            "闲聊的艺术",
            "学会与陌生人开启话题、轻松地聊下去，并礼貌地结束对话。掌握安全话题、追问技巧，以及为自己争取思考时间的表达。",
        ),
        featured=True,
    ),
    _course(
        "phrasal-verbs-in-real-conversation",
        (B1, B2),
        (CONVERSATION,),
        EVERYONE,
        (
            "Phrasal Verbs in Real Conversation",
            "Get on, put off, run into: 150 phrasal verbs met in real dialogues rather than lists, "
            "grouped by situation so they stay in your memory.",
        ),
        (
            "真实对话中的短语动词",
            "get on、put off、run into……在真实对话中学习 150 个短语动词，而不是死记清单；"
            "按场景分组，记得更牢。",
        ),
    ),
    _course(
        "listening-with-podcasts",
        (B1, B2),
        (CONVERSATION, ACADEMIC),
        ADULTS,
        (
            "Listening with Podcasts",
            "Follow real podcasts at natural speed. Each week: one episode, a transcript, the key "
            "vocabulary and a short discussion task.",
        ),
        (
            "跟着播客练听力",
            "以正常语速听懂真实的英语播客。每周一集，附完整文稿、重点词汇和一个简短的讨论任务。",
        ),
    ),
    _course(
        "debate-and-discussion-club",
        (B2, C1),
        (CONVERSATION, ACADEMIC),
        (UNIVERSITY, PROFESSIONAL, TEACHER),
        (
            "Debate and Discussion Club",
            "Defend an opinion, disagree without offending and change your mind gracefully. Weekly "
            "motions on technology, education and city life.",
        ),
        (
            "辩论与讨论俱乐部",
            "学会捍卫观点、不失礼貌地表达反对，并得体地改变立场。每周围绕科技、教育和城市生活设置辩题。",
        ),
    ),
    _course(
        "idioms-humour-and-cultural-references",
        (C1, C2),
        (CONVERSATION,),
        ADULTS,
        (
            "Idioms, Humour and Cultural References",
            "Understand the jokes, understatement and film quotes that fluent speakers take for "
            "granted, and know when it is safe to use them yourself.",
        ),
        (
            "习语、幽默与文化典故",
            "读懂地道英语使用者习以为常的玩笑、含蓄说法和电影台词，并判断什么场合自己可以放心使用。",
        ),
    ),
    _course(
        "speaking-like-a-local",
        (C2, C2),
        (CONVERSATION,),
        ADULTS,
        (
            "Speaking Like a Local: Fluency and Register",
            "Move between formal, neutral and casual English as the situation demands. Fine-tune "
            "rhythm, stress and word choice with individual feedback on your recordings.",
        ),
        (
            "像本地人一样说英语：流利度与语域",
            "根据场合在正式、中性和随意的英语之间自如切换。针对你的录音逐一反馈，细调节奏、重音和措辞。",
        ),
    ),
    # --- Travel ---------------------------------------------------------------
    _course(
        "survival-english-for-travellers",
        (A1, A2),
        (TRAVEL,),
        EVERYONE,
        (
            "Survival English for Travellers",
            "The fifty sentences that get you from the airport to your hotel and back: asking, "
            "paying, understanding announcements and getting help.",
        ),
        (
            "旅行英语生存指南",
            "从机场到酒店再回来，用得上的五十句话：问路、付款、听懂广播和寻求帮助。",
        ),
        featured=True,
    ),
    _course(
        "getting-around-directions-and-transport",
        (A1, A2),
        (TRAVEL,),
        EVERYONE,
        (
            "Getting Around: Directions and Public Transport",
            "Ask the way, read a metro map, buy the right ticket and understand the answer when "
            "someone explains a route quickly.",
        ),
        (
            "出行无忧：问路与公共交通",
            "学会问路、看懂地铁线路图、买对车票，并在别人快速讲解路线时听得明白。",
        ),
    ),
    _course(
        "at-the-airport-and-hotel",
        (A2, A2),
        (TRAVEL,),
        ADULTS,
        (
            "At the Airport and Hotel",
            "Check in, go through security, ask about a delay and sort out a booking at reception, "
            "with real announcements and forms.",
        ),
        (
            "机场与酒店英语",
            "办理值机、通过安检、询问航班延误，并在前台处理预订问题。素材均来自真实广播和表格。",
        ),
    ),
    _course(
        "eating-out-menus-and-orders",
        (A2, B1),
        (TRAVEL, CONVERSATION),
        EVERYONE,
        (
            "Eating Out: Menus, Orders and Special Requests",
            "Read a menu, order for a group, explain an allergy and ask for the bill, in cafés and "
            "restaurants in the UK, the US and Australia.",
        ),
        (
            "外出就餐：菜单、点餐与特殊要求",
            "看懂菜单、为一桌人点餐、说明过敏情况并结账。场景涵盖英国、美国和澳大利亚的咖啡馆与餐厅。",
        ),
    ),
    _course(
        "when-things-go-wrong-on-a-trip",
        (B1, B1),
        (TRAVEL, CONVERSATION),
        ADULTS,
        (
            "When Things Go Wrong: Travel Problems and Complaints",
            "Lost luggage, a missed connection, a room that is not what you booked: explain the "
            "problem calmly, make a complaint and get it solved.",
        ),
        (
            "旅途出状况怎么办：处理问题与投诉",
            "行李丢失、错过转机、房间与预订不符……学会冷静说明问题、提出投诉并让问题得到解决。",
        ),
    ),
    _course(
        "travel-stories-and-culture",
        (B2, C1),
        (TRAVEL, CONVERSATION),
        ADULTS,
        (
            "Travel Stories and Culture",
            "Tell the story of a journey so people want to hear more, and talk about customs and "
            "etiquette with curiosity instead of clichés.",
        ),
        (
            "旅行故事与文化",
            "把一段旅程讲得引人入胜，并以好奇而非刻板印象的方式谈论各地风俗与礼仪。",
        ),
    ),
    # --- Exam preparation -----------------------------------------------------
    _course(
        "cet-4-vocabulary-builder",
        (A2, B1),
        (EXAM, ACADEMIC),
        (UNIVERSITY,),
        (
            "CET-4 Vocabulary Builder",
            "The 4,500 words of the CET-4 syllabus in spaced review, each met in a sentence from a "
            "past paper, with collocations and common traps.",
        ),
        (
            "大学英语四级词汇突破",
            "四级大纲 4500 词，采用间隔复习；每个词都配有历年真题中的例句，并讲解常见搭配与易错点。",
        ),
    ),
    _course(
        "cet-4-listening-and-reading",
        (B1, B1),
        (EXAM,),
        (UNIVERSITY,),
        (
            "CET-4 Listening and Reading Strategies",
            "Predict answers before the recording starts, skim long passages for the paragraph you "
            "need, and practise with timed sections and explanations.",
        ),
        (
            "四级听力与阅读技巧",
            "学会在录音开始前预判答案，快速浏览长篇阅读并定位所需段落。配有限时分项练习和详细解析。",
        ),
    ),
    _course(
        "cet-6-writing-and-translation",
        (B1, B2),
        (EXAM, ACADEMIC),
        (UNIVERSITY,),
        (
            "CET-6 Writing and Translation",
            "Plan a CET-6 essay in five minutes and translate passages on Chinese culture and "
            "society into clear English. Marked samples at every score band.",
        ),
        (
            "六级写作与翻译",
            "五分钟内构思一篇六级作文，把有关中国文化与社会的段落译成清晰的英语。各分数段均配有批改范文。",
        ),
    ),
    _course(
        "cet-6-intensive-review",
        (B2, B2),
        (EXAM,),
        (UNIVERSITY,),
        (
            "CET-6 Intensive Review",
            "Eight weeks, eight full mock tests, and a review of every mistake you make. For "
            "learners who have passed CET-4 and want a good CET-6 score.",
        ),
        (
            "六级冲刺强化",
            "八周时间、八套完整模拟题，逐一复盘你的每个错误。适合已通过四级、希望六级取得好成绩的学习者。",
        ),
    ),
    _course(
        "gaokao-english-reading-and-writing",
        (A2, B1),
        (EXAM, ACADEMIC),
        (SCHOOL,),
        (
            "Gaokao English: Reading and Writing",
            "Read faster and write the continuation and application tasks with confidence. Built "
            "around recent papers, for senior high school students.",
        ),
        (
            "高考英语：阅读与写作",
            "提高阅读速度，从容完成读后续写和应用文写作。以近年真题为核心，面向高中学生。",
        ),
    ),
    _course(
        "ielts-foundation",
        (B1, B1),
        (EXAM, ACADEMIC),
        (SCHOOL, UNIVERSITY, PROFESSIONAL),
        (
            "IELTS Foundation: Understanding the Test",
            "What each part of IELTS tests, how it is marked and where the points are lost. A "
            "diagnostic test at the start tells you which course to take next.",
        ),
        (
            "雅思基础：读懂考试",
            "了解雅思各部分考什么、怎么评分、在哪里容易失分。开课时的诊断测试会告诉你接下来该学哪门课。",
        ),
        featured=True,
    ),
    _course(
        "ielts-listening-practice-tests",
        (B1, B2),
        (EXAM,),
        (SCHOOL, UNIVERSITY, PROFESSIONAL),
        (
            "IELTS Listening: Practice Tests with Feedback",
            "Six complete listening tests with accents from around the English-speaking world, "
            "and feedback that explains why each wrong answer was tempting.",
        ),
        (
            "雅思听力：模考与讲评",
            "六套完整听力模考，涵盖英语世界各地口音；讲评会解释每个错误选项为何具有迷惑性。",
        ),
    ),
    _course(
        "ielts-academic-writing-task-1",
        (B2, C1),
        (EXAM, ACADEMIC),
        (UNIVERSITY, PROFESSIONAL),
        (
            "IELTS Academic Writing Task 1: Charts, Maps and Processes",
            "Describe a graph, a map or a process in 150 well-organised words: overview first, key "
            "features next, precise numbers last.",
        ),
        (
            "雅思学术类写作 Task 1：图表、地图与流程图",
            "用 150 个词条理清晰地描述图表、地图或流程：先写概述，再写主要特征，最后给出准确数据。",
        ),
    ),
    _course(
        "ielts-writing-task-2-argument-essays",
        (B2, C1),
        (EXAM, ACADEMIC),
        (UNIVERSITY, PROFESSIONAL),
        (
            "IELTS Writing Task 2: Argument Essays",
            "Answer the question that was actually asked, build paragraphs that develop one idea "
            "each, and see how examiners mark task response and coherence.",
        ),
        (
            "雅思写作 Task 2：议论文",
            "切题作答，让每个段落只展开一个观点，并了解考官如何评判任务回应与连贯性。",
        ),
    ),
    _course(
        "ielts-speaking-band-7",
        (B2, C1),
        (EXAM, CONVERSATION),
        (UNIVERSITY, PROFESSIONAL),
        (
            "IELTS Speaking: Aiming for Band 7",
            "Extend your answers naturally, talk for two minutes on any cue card and handle "
            "abstract questions in Part 3, with recorded mock interviews.",
        ),
        (
            "雅思口语：冲刺 7 分",
            "自然地展开回答，面对任何话题卡都能讲满两分钟，并从容应对第三部分的抽象问题。配有录音模拟面试。",
        ),
    ),
    _course(
        "toefl-ibt-essentials",
        (B1, B2),
        (EXAM, ACADEMIC),
        (SCHOOL, UNIVERSITY),
        (
            "TOEFL iBT Essentials",
            "A tour of the four TOEFL sections with short practice sets, note-taking techniques and "
            "a study plan you can keep up next to school or university.",
        ),
        (
            "托福 iBT 核心入门",
            "系统了解托福四个部分，配合简短练习和笔记技巧，并制定一份能与学业兼顾的备考计划。",
        ),
    ),
    _course(
        "toefl-reading-academic-texts",
        (B2, C1),
        (EXAM, ACADEMIC),
        (UNIVERSITY,),
        (
            "TOEFL Reading: Academic Texts under Time Pressure",
            "Biology, history and geology passages at exam length. Learn to answer inference and "
            "summary questions without rereading the whole text.",
        ),
        (
            "托福阅读：限时攻克学术文章",
            "以考试篇幅练习生物、历史和地质类文章，学会在不重读全文的情况下解答推断题和总结题。",
        ),
    ),
    _course(
        "toefl-integrated-speaking-and-writing",
        (B2, C1),
        (EXAM, ACADEMIC),
        (UNIVERSITY,),
        (
            "TOEFL Integrated Speaking and Writing",
            "Combine a reading and a lecture into one clear answer. Templates that help rather than "
            "limit you, and scored responses to compare with your own.",
        ),
        (
            "托福综合口语与写作",
            "把阅读材料和讲座内容整合成一个清晰的回答。提供真正有帮助而不束缚思路的模板，以及可供对照的评分范例。",
        ),
    ),
    _course(
        "academic-word-list-in-context",
        (B2, C1),
        (ACADEMIC, EXAM),
        (UNIVERSITY, TEACHER),
        (
            "The Academic Word List in Context",
            "The 570 word families that appear across every academic subject, learned from real "
            "abstracts and lectures, with the grammar that goes with them.",
        ),
        (
            "学术词汇表语境精学",
            "学习各学科通用的 570 个学术词族，素材取自真实的论文摘要和讲座，并讲解与之搭配的语法。",
        ),
    ),
    # --- Business and work ----------------------------------------------------
    _course(
        "business-english-basics-emails-and-calls",
        (A2, B1),
        (BUSINESS,),
        (PROFESSIONAL, UNIVERSITY),
        (
            "Business English Basics: Emails and Phone Calls",
            "Write short, polite emails, leave a clear voicemail and take a message. Templates for "
            "the fifteen situations that fill most working days.",
        ),
        (
            "商务英语基础：邮件与电话",
            "写简短得体的邮件，留下清楚的语音留言，并准确记录口信。提供覆盖日常工作大部分场景的十五套模板。",
        ),
    ),
    _course(
        "english-for-hotel-and-restaurant-staff",
        (A2, B1),
        (BUSINESS, TRAVEL),
        (PROFESSIONAL, OTHER),
        (
            "English for Hotel and Restaurant Staff",
            "Welcome guests, take bookings, explain the menu and handle a complaint with a smile. "
            "Practical phrases for front desk, restaurant and housekeeping teams.",
        ),
        (
            "酒店与餐饮从业者英语",
            "热情迎宾、接受预订、介绍菜品，微笑着处理投诉。为前台、餐厅和客房团队准备的实用表达。",
        ),
    ),
    _course(
        "speaking-up-in-meetings",
        (B1, B2),
        (BUSINESS, CONVERSATION),
        (PROFESSIONAL,),
        (
            "Speaking Up in Meetings",
            "Give an update, interrupt politely, ask for clarification and summarise decisions. "
            "For professionals who understand a meeting but stay silent in it.",
        ),
        (
            "会议中大胆发言",
            "汇报进展、礼貌地插话、请对方澄清并总结决定。适合听得懂会议、却总是开不了口的职场人士。",
        ),
        featured=True,
    ),
    _course(
        "job-interviews-in-english",
        (B1, B2),
        (BUSINESS, CONVERSATION),
        (UNIVERSITY, PROFESSIONAL),
        (
            "Job Interviews in English",
            "Talk about your experience with concrete examples, answer the classic questions and "
            "ask good ones yourself. Mock interviews with written feedback.",
        ),
        (
            "英语求职面试",
            "用具体事例介绍自己的经历，回答经典面试题，并提出有分量的问题。配有模拟面试和书面反馈。",
        ),
    ),
    _course(
        "english-for-software-and-it-teams",
        (B1, B2),
        (BUSINESS,),
        (PROFESSIONAL, UNIVERSITY),
        (
            "English for Software and IT Teams",
            "Stand-ups, code reviews, bug reports and design documents: the English of working in "
            "an international engineering team.",
        ),
        (
            "软件与 IT 团队英语",
            "站会、代码评审、缺陷报告和设计文档——在国际化工程团队中工作所需的英语。",
        ),
    ),
    _course(
        "english-for-healthcare-workers",
        (B1, B2),
        (BUSINESS, CONVERSATION),
        (PROFESSIONAL,),
        (
            "English for Healthcare Workers",
            "Take a patient history, explain a treatment in plain words and hand over to a "
            "colleague, with listening practice from real ward situations.",
        ),
        (
            "医护人员英语",
            "询问病史、用浅显的语言解释治疗方案、与同事交接班，并通过真实病房情境进行听力训练。",
        ),
    ),
    _course(
        "presentations-that-persuade",
        (B2, C1),
        (BUSINESS, ACADEMIC),
        (PROFESSIONAL, UNIVERSITY, TEACHER),
        (
            "Presentations that Persuade",
            "Structure a talk around one message, signpost clearly, handle questions you did not "
            "expect and sound confident even when you are nervous.",
        ),
        (
            "有说服力的英文演讲",
            "围绕一个核心信息组织演讲，清晰地提示结构，应对意料之外的提问，即使紧张也能显得自信。",
        ),
    ),
    _course(
        "negotiating-in-english",
        (B2, C1),
        (BUSINESS,),
        (PROFESSIONAL,),
        (
            "Negotiating in English",
            "Make an offer, push back, concede strategically and close the deal. Case studies from "
            "procurement, sales and partnership talks.",
        ),
        (
            "英语商务谈判",
            "提出报价、据理力争、有策略地让步并最终成交。案例涵盖采购、销售和合作洽谈。",
        ),
    ),
    _course(
        "writing-reports-and-proposals",
        (B2, C1),
        (BUSINESS, ACADEMIC),
        (PROFESSIONAL, UNIVERSITY),
        (
            "Writing Reports and Proposals",
            "Write documents that busy readers act on: an executive summary first, evidence that "
            "supports it, and a recommendation nobody can miss.",
        ),
        (
            "报告与提案写作",
            "写出让忙碌的读者愿意采取行动的文件：先给执行摘要，再用证据支撑，最后提出醒目的建议。",
        ),
    ),
    _course(
        "executive-communication",
        (C1, C2),
        (BUSINESS,),
        (PROFESSIONAL,),
        (
            "Executive Communication: Nuance and Diplomacy",
            "Deliver bad news, disagree with a senior colleague and write to a board. The hedging, "
            "tone and precision that senior roles demand.",
        ),
        (
            "高管沟通：分寸与外交辞令",
            "传达坏消息、与资深同事意见相左时如何表达、怎样给董事会写信——掌握高级职位所需的委婉语气与精确表达。",
        ),
    ),
    # --- Academic ---------------------------------------------------------------
    _course(
        "academic-writing-foundations",
        (B1, B2),
        (ACADEMIC,),
        (UNIVERSITY, SCHOOL),
        (
            "Academic Writing Foundations",
            "Paragraphs, topic sentences, paraphrase and citation. Learn to use sources honestly "
            "and write in a style your lecturers expect.",
        ),
        (
            "学术写作基础",
            "段落、主题句、转述与引用。学会规范地使用文献资料，写出符合导师期望的学术文风。",
        ),
    ),
    _course(
        "understanding-university-lectures",
        (B2, C1),
        (ACADEMIC,),
        (UNIVERSITY, SCHOOL),
        (
            "Understanding University Lectures",
            "Follow a fifty-minute lecture, take notes you can use later and ask a question in a "
            "seminar. For students preparing to study abroad.",
        ),
        (
            "听懂大学讲座",
            "听懂五十分钟的讲座，记下日后用得上的笔记，并在研讨课上提问。适合准备出国留学的学生。",
        ),
        featured=True,
    ),
    _course(
        "classroom-english-for-teachers",
        (B2, C1),
        (ACADEMIC, CONVERSATION),
        (TEACHER,),
        (
            "Classroom English for Teachers",
            "Give instructions, manage activities and correct errors kindly, all in English. For "
            "teachers who want to run more of their lessons in English.",
        ),
        (
            "教师课堂英语",
            "全程用英语下达指令、组织活动并温和地纠正错误。适合希望更多用英语授课的教师。",
        ),
    ),
    _course(
        "critical-reading-of-academic-texts",
        (C1, C2),
        (ACADEMIC,),
        (UNIVERSITY, TEACHER),
        (
            "Critical Reading of Academic Texts",
            "Identify a paper's claim, weigh its evidence and spot what it leaves out. Practice with "
            "articles from the social sciences, medicine and engineering.",
        ),
        (
            "学术文献批判性阅读",
            "找出论文的核心主张，评估其证据，并发现其遗漏之处。练习材料选自社会科学、医学和工程领域的文章。",
        ),
    ),
    _course(
        "writing-a-research-paper-in-english",
        (C1, C2),
        (ACADEMIC,),
        (UNIVERSITY, TEACHER),
        (
            "Writing a Research Paper in English",
            "From abstract to discussion: the moves of each section, the language of hedging and "
            "how to answer reviewers' comments.",
        ),
        (
            "英文科研论文写作",
            "从摘要到讨论：掌握各部分的写作套路、学术论文中的委婉表达，以及如何回复审稿意见。",
        ),
    ),
    _course(
        "advanced-style-and-editing",
        (C2, C2),
        (ACADEMIC, BUSINESS),
        (PROFESSIONAL, TEACHER, UNIVERSITY),
        (
            "Advanced Style and Editing",
            "Cut what is not needed, choose the exact word and vary your sentences. Edit real "
            "drafts until they read as if a native writer wrote them.",
        ),
        (
            "高级文体与编辑",
            "删繁就简、精准选词、变换句式。反复修改真实的文稿，直到读起来像出自母语作者之手。",
        ),
    ),
]


# --- Target level, specialisation, focus and syllabus of each demo course ------
# slug: (target level, specialisation ("" = general), focus in English and in
# Chinese (the reason "For your goal: ..."), lesson titles in both languages).
# Specialisations are recommendations.models.Specialisation values.
_PROFILES: dict[str, tuple[int, str, str, str, list[tuple[str, str]]]] = {
    "first-steps-in-english": (
        A1,
        "",
        "greetings, numbers and simple questions",
        "打招呼、数字和简单提问",
        [
            ("Hello and goodbye", "问候与告别"),
            ("Saying who you are", "介绍自己"),
            ("Numbers and prices", "数字与价格"),
            ("Telling the time", "说时间"),
            ("Asking simple questions", "提简单的问题"),
        ],
    ),
    "sounds-of-english": (
        A1,
        "",
        "pronunciation of the sounds Chinese does not have",
        "中文里没有的英语发音",
        [
            ("The 'th' sounds", "th 的两种发音"),
            ("Short and long vowels: ship and sheep", "长短元音：ship 与 sheep"),
            ("'l' and 'r'", "l 与 r"),
            ("Word stress", "单词重音"),
            ("Linking words in speech", "连读"),
        ],
    ),
    "everyday-english-home-and-family": (
        A2,
        "",
        "talking about home, family and your week",
        "谈论家庭、住所和一周生活",
        [
            ("My family", "我的家人"),
            ("Where I live", "我住的地方"),
            ("My week", "我的一周"),
            ("Friends and free time", "朋友与业余时间"),
        ],
    ),
    "grammar-essentials-present-past-future": (
        A2,
        "",
        "the present, past and future tenses",
        "现在时、过去时和将来时",
        [
            ("The simple present", "一般现在时"),
            ("The present continuous", "现在进行时"),
            ("The simple past", "一般过去时"),
            ("Going to and will", "be going to 与 will"),
            ("Mixing the tenses in a story", "在故事中综合运用时态"),
        ],
    ),
    "everyday-conversations-shopping-weather-plans": (
        A2,
        "",
        "shopping, weather and making plans",
        "购物、天气和约定计划",
        [
            ("In a shop", "在商店里"),
            ("Talking about the weather", "谈论天气"),
            ("Making plans with friends", "和朋友约时间"),
            ("Saying yes and no politely", "礼貌地接受和拒绝"),
        ],
    ),
    "the-art-of-small-talk": (
        B1,
        "",
        "small talk with colleagues and new people",
        "与同事和陌生人闲聊",
        [
            ("Starting a conversation", "开启对话"),
            ("Safe topics and follow-up questions", "安全话题与追问"),
            ("Keeping it going", "让对话继续"),
            ("Ending politely", "礼貌地结束对话"),
        ],
    ),
    "phrasal-verbs-in-real-conversation": (
        B2,
        "",
        "the phrasal verbs people really use",
        "日常真正用到的短语动词",
        [
            ("Phrasal verbs at home", "家中常用短语动词"),
            ("Phrasal verbs at work", "职场常用短语动词"),
            ("Separable or not?", "可分还是不可分？"),
            ("Phrasal verbs in stories", "故事中的短语动词"),
        ],
    ),
    "listening-with-podcasts": (
        B1,
        "",
        "listening to real podcasts",
        "收听真实的播客",
        [
            ("Choosing a podcast", "选择播客"),
            ("Listening for the main idea", "听主旨"),
            ("Listening for details", "听细节"),
            ("Shadowing", "跟读"),
            ("Talking about what you heard", "复述所听内容"),
        ],
    ),
    "debate-and-discussion-club": (
        C1,
        "",
        "debating and defending an opinion",
        "辩论与捍卫观点",
        [
            ("Stating a position", "陈述立场"),
            ("Giving evidence", "举出证据"),
            ("Disagreeing politely", "礼貌地反驳"),
            ("Summing up", "总结陈词"),
        ],
    ),
    "idioms-humour-and-cultural-references": (
        C1,
        "",
        "idioms, humour and cultural references",
        "习语、幽默与文化典故",
        [
            ("Everyday idioms", "日常习语"),
            ("Why is that funny?", "笑点在哪里？"),
            ("References to films and books", "影视与书籍典故"),
            ("Using idioms yourself", "自己使用习语"),
        ],
    ),
    "speaking-like-a-local": (
        C2,
        "",
        "fluency and register like a native speaker",
        "像母语者一样流利、得体",
        [
            ("Formal and informal register", "正式与非正式语体"),
            ("Fillers and hesitation", "填充词与停顿"),
            ("Regional accents", "地区口音"),
            ("Sounding natural", "说得自然"),
        ],
    ),
    "survival-english-for-travellers": (
        A1,
        "",
        "the phrases you need on a first trip",
        "第一次出行必备的句子",
        [
            ("At the station", "在车站"),
            ("Buying a ticket", "买票"),
            ("Asking for help", "求助"),
            ("Ordering a drink", "点饮料"),
        ],
    ),
    "getting-around-directions-and-transport": (
        A2,
        "",
        "directions and public transport",
        "问路与公共交通",
        [
            ("Asking the way", "问路"),
            ("Buses and the metro", "公交与地铁"),
            ("Taxis", "出租车"),
            ("Reading maps and signs", "看地图和标志"),
        ],
    ),
    "at-the-airport-and-hotel": (
        A2,
        "",
        "check-in at the airport and the hotel",
        "机场与酒店入住",
        [
            ("Checking in for a flight", "办理登机"),
            ("Security and boarding", "安检与登机"),
            ("At hotel reception", "在酒店前台"),
            ("Asking for something in your room", "向酒店提出需要"),
        ],
    ),
    "eating-out-menus-and-orders": (
        A2,
        "",
        "menus, orders and special requests",
        "菜单、点餐与特殊要求",
        [
            ("Reading a menu", "看懂菜单"),
            ("Ordering", "点餐"),
            ("Allergies and special requests", "过敏与特殊要求"),
            ("Paying the bill", "结账"),
        ],
    ),
    "when-things-go-wrong-on-a-trip": (
        B1,
        "",
        "travel problems and complaints",
        "旅途中的问题与投诉",
        [
            ("A lost bag", "行李丢失"),
            ("A delayed flight", "航班延误"),
            ("Seeing a doctor abroad", "在国外看病"),
            ("Making a complaint", "投诉"),
        ],
    ),
    "travel-stories-and-culture": (
        B2,
        "",
        "telling travel stories and talking about culture",
        "讲述旅行故事、谈论文化",
        [
            ("Telling a story in the past", "用过去时讲故事"),
            ("Describing places", "描述地方"),
            ("Customs and manners", "风俗与礼仪"),
            ("Writing a travel blog post", "写一篇旅行博客"),
        ],
    ),
    "cet-4-vocabulary-builder": (
        B1,
        "cet",
        "the CET-4 word list",
        "四级核心词汇",
        [
            ("How the word list is built", "词表的结构"),
            ("Word families", "词族"),
            ("Collocations", "搭配"),
            ("Words in reading passages", "阅读中的词汇"),
            ("A timed vocabulary test", "限时词汇测试"),
        ],
    ),
    "cet-4-listening-and-reading": (
        B1,
        "cet",
        "CET-4 listening and reading strategies",
        "四级听力与阅读策略",
        [
            ("The listening section", "听力部分"),
            ("Predicting answers", "预测答案"),
            ("Skimming and scanning", "略读与查读"),
            ("Banked cloze", "选词填空"),
            ("A practice paper", "模拟试卷"),
        ],
    ),
    "cet-6-writing-and-translation": (
        B2,
        "cet",
        "CET-6 essays and translation",
        "六级作文与翻译",
        [
            ("What the markers look for", "阅卷标准"),
            ("Planning an essay", "作文构思"),
            ("Translating Chinese culture", "中国文化翻译"),
            ("Common mistakes", "常见错误"),
        ],
    ),
    "cet-6-intensive-review": (
        B2,
        "cet",
        "a full CET-6 review",
        "六级全面复习",
        [
            ("Listening review", "听力复习"),
            ("Reading review", "阅读复习"),
            ("Writing review", "写作复习"),
            ("Translation review", "翻译复习"),
            ("A full mock test", "全真模拟"),
        ],
    ),
    "gaokao-english-reading-and-writing": (
        B1,
        "gaokao",
        "gaokao reading and writing",
        "高考英语阅读与写作",
        [
            ("The reading section", "阅读理解"),
            ("Seven-choose-five", "七选五"),
            ("The practical writing task", "应用文写作"),
            ("Continuation writing", "读后续写"),
        ],
    ),
    "ielts-foundation": (
        B1,
        "ielts",
        "how the IELTS test works",
        "了解雅思考试",
        [
            ("The four papers", "四个部分"),
            ("Band scores", "分数段"),
            ("Academic or General Training?", "学术类还是培训类？"),
            ("A study plan", "备考计划"),
        ],
    ),
    "ielts-listening-practice-tests": (
        B2,
        "ielts",
        "IELTS listening practice tests",
        "雅思听力模拟练习",
        [
            ("Section 1: everyday conversations", "第一部分：日常对话"),
            ("Section 2: a talk", "第二部分：独白"),
            ("Section 3: a discussion", "第三部分：讨论"),
            ("Section 4: a lecture", "第四部分：讲座"),
        ],
    ),
    "ielts-academic-writing-task-1": (
        B2,
        "ielts",
        "IELTS Writing Task 1: charts, maps and processes",
        "雅思小作文：图表、地图与流程图",
        [
            ("Line graphs", "线形图"),
            ("Bar charts and tables", "柱状图与表格"),
            ("Maps", "地图题"),
            ("Processes", "流程图"),
        ],
    ),
    "ielts-writing-task-2-argument-essays": (
        C1,
        "ielts",
        "IELTS Writing Task 2 essays",
        "雅思大作文",
        [
            ("Reading the question", "审题"),
            ("Opinion essays", "观点类"),
            ("Discussion essays", "讨论类"),
            ("Problem and solution essays", "问题解决类"),
            ("Checking your essay", "检查作文"),
        ],
    ),
    "ielts-speaking-band-7": (
        C1,
        "ielts",
        "IELTS Speaking at band 7",
        "雅思口语 7 分",
        [
            ("Part 1: about you", "第一部分：个人话题"),
            ("Part 2: the long turn", "第二部分：个人陈述"),
            ("Part 3: discussion", "第三部分：讨论"),
            ("Fluency and coherence", "流利度与连贯性"),
        ],
    ),
    "toefl-ibt-essentials": (
        B1,
        "toefl",
        "how the TOEFL iBT works",
        "了解托福考试",
        [
            ("The four sections", "四个部分"),
            ("Scores", "分数"),
            ("Taking notes", "记笔记"),
            ("A study plan", "备考计划"),
        ],
    ),
    "toefl-reading-academic-texts": (
        B2,
        "toefl",
        "TOEFL reading under time pressure",
        "托福限时阅读",
        [
            ("Question types", "题型"),
            ("Vocabulary questions", "词汇题"),
            ("Inference questions", "推断题"),
            ("Summary questions", "总结题"),
        ],
    ),
    "toefl-integrated-speaking-and-writing": (
        C1,
        "toefl",
        "TOEFL integrated tasks",
        "托福综合任务",
        [
            ("Reading, listening, then speaking", "读、听、说"),
            ("Note-taking for integrated tasks", "综合任务的笔记"),
            ("The integrated essay", "综合写作"),
            ("Timing", "时间控制"),
        ],
    ),
    "academic-word-list-in-context": (
        B2,
        "",
        "academic vocabulary in context",
        "语境中的学术词汇",
        [
            ("What the Academic Word List is", "什么是学术词表"),
            ("Words for describing data", "描述数据的词汇"),
            ("Words for arguing", "论证用词"),
            ("Using the words in your writing", "在写作中使用"),
        ],
    ),
    "business-english-basics-emails-and-calls": (
        B1,
        "",
        "business emails and phone calls",
        "商务邮件与电话",
        [
            ("Opening and closing an email", "邮件的开头与结尾"),
            ("Asking and replying politely", "礼貌地询问与回复"),
            ("Answering the phone", "接听电话"),
            ("Leaving a message", "留言"),
            ("Arranging a meeting", "约定会议"),
        ],
    ),
    "english-for-hotel-and-restaurant-staff": (
        A2,
        "hospitality",
        "serving guests in hotels and restaurants",
        "在酒店和餐厅接待客人",
        [
            ("Welcoming guests", "迎接客人"),
            ("Taking a booking", "接受预订"),
            ("Taking an order", "点单"),
            ("Handling a complaint", "处理投诉"),
        ],
    ),
    "speaking-up-in-meetings": (
        B1,
        "",
        "speaking up in meetings",
        "在会议中发言",
        [
            ("Giving your opinion", "发表意见"),
            ("Interrupting politely", "礼貌地插话"),
            ("Agreeing and disagreeing", "同意与反对"),
            ("Summing up actions", "总结行动项"),
        ],
    ),
    "job-interviews-in-english": (
        B2,
        "",
        "job interviews",
        "求职面试",
        [
            ("Telling your story", "讲述你的经历"),
            ("Answering common questions", "回答常见问题"),
            ("Talking about strengths and weaknesses", "谈优点与不足"),
            ("Asking your own questions", "提出你的问题"),
        ],
    ),
    "english-for-software-and-it-teams": (
        B1,
        "it",
        "English in software teams",
        "软件团队中的英语",
        [
            ("Stand-up meetings", "站会"),
            ("Writing a bug report", "写缺陷报告"),
            ("Code review comments", "代码评审意见"),
            ("Explaining a technical decision", "解释技术决策"),
        ],
    ),
    "english-for-healthcare-workers": (
        B1,
        "healthcare",
        "talking with patients and colleagues in healthcare",
        "医护场景中与患者和同事沟通",
        [
            ("Greeting a patient", "接待患者"),
            ("Asking about symptoms", "询问症状"),
            ("Explaining a treatment", "解释治疗方案"),
            ("Handing over to a colleague", "与同事交接"),
        ],
    ),
    "presentations-that-persuade": (
        B2,
        "",
        "presentations that persuade",
        "有说服力的演讲",
        [
            ("Opening with a hook", "用引子开场"),
            ("Structuring the talk", "演讲结构"),
            ("Talking about charts", "讲解图表"),
            ("Handling questions", "应对提问"),
        ],
    ),
    "negotiating-in-english": (
        C1,
        "",
        "negotiating",
        "谈判",
        [
            ("Preparing", "准备"),
            ("Making an offer", "报价"),
            ("Bargaining", "讨价还价"),
            ("Closing the deal", "达成协议"),
        ],
    ),
    "writing-reports-and-proposals": (
        C1,
        "",
        "reports and proposals",
        "报告与提案",
        [
            ("Planning a report", "规划报告"),
            ("The executive summary", "执行摘要"),
            ("Recommendations", "建议部分"),
            ("Editing for clarity", "修改以求清晰"),
        ],
    ),
    "executive-communication": (
        C1,
        "",
        "nuance and diplomacy at senior level",
        "高层沟通中的分寸与外交辞令",
        [
            ("Softening a message", "委婉表达"),
            ("Saying no diplomatically", "得体地拒绝"),
            ("Giving feedback", "给予反馈"),
            ("Speaking for the company", "代表公司发言"),
        ],
    ),
    "academic-writing-foundations": (
        B1,
        "",
        "paragraphs, paraphrase and citation",
        "段落、转述与引用",
        [
            ("The paragraph", "段落"),
            ("Topic sentences", "主题句"),
            ("Paraphrasing", "转述"),
            ("Citing sources", "引用文献"),
        ],
    ),
    "understanding-university-lectures": (
        B2,
        "",
        "following lectures and taking notes",
        "听讲座与记笔记",
        [
            ("How lectures are organised", "讲座的结构"),
            ("Signal words", "信号词"),
            ("Taking notes", "记笔记"),
            ("Asking a question in a seminar", "在研讨课上提问"),
        ],
    ),
    "classroom-english-for-teachers": (
        B2,
        "teaching",
        "running your lessons in English",
        "用英语组织课堂",
        [
            ("Giving instructions", "下达指令"),
            ("Managing activities", "组织活动"),
            ("Correcting errors kindly", "温和地纠错"),
            ("Praise and encouragement", "表扬与鼓励"),
        ],
    ),
    "critical-reading-of-academic-texts": (
        C1,
        "",
        "reading academic papers critically",
        "批判性阅读学术论文",
        [
            ("Finding the claim", "找出主张"),
            ("Weighing the evidence", "评估证据"),
            ("What is left out", "被遗漏的内容"),
            ("Writing a critique", "撰写评论"),
        ],
    ),
    "writing-a-research-paper-in-english": (
        C2,
        "",
        "writing a research paper",
        "撰写科研论文",
        [
            ("The abstract", "摘要"),
            ("Introduction and literature review", "引言与文献综述"),
            ("Methods and results", "方法与结果"),
            ("Discussion and hedging", "讨论与委婉表达"),
            ("Answering reviewers", "回复审稿人"),
        ],
    ),
    "advanced-style-and-editing": (
        C2,
        "",
        "style and editing",
        "文体与编辑",
        [
            ("Cutting what is not needed", "删繁就简"),
            ("The exact word", "精准选词"),
            ("Varying your sentences", "变换句式"),
            ("Editing a real draft", "修改真实文稿"),
        ],
    ),
}


def lesson_body(
    *, course_en: str, course_zh: str, title: tuple[str, str], position: int, total: int
) -> tuple[str, str]:
    """Demo content of one lesson, in English and Chinese: plain, and says it is a demo."""
    title_en, title_zh = title
    english = "\n\n".join(
        (
            f"Lesson {position} of {total} in {course_en}: {title_en}.",
            f"Read the model text for “{title_en}” aloud once, then note three phrases you could use "
            "yourself and write one sentence with each.",
            "Before you mark the lesson as done, check yourself: could you explain its main point to a "
            "friend in a few sentences of English? This is demo content of the LearnRight reference app.",
        )
    )
    chinese = "\n\n".join(
        (
            f"《{course_zh}》第 {position} 课（共 {total} 课）：{title_zh}。",
            f"先把“{title_zh}”的示范文本朗读一遍，再记下三个你自己用得上的表达，并各写一个句子。",
            "在标记本课完成之前，先检查一下：你能用几句英语向朋友讲清本课的要点吗？"
            "这是 LearnRight 参考应用的演示内容。",
        )
    )
    return english, chinese


def lessons_for(*, course_en: str, course_zh: str, titles: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Lesson rows (position from 1) for a course with these lesson titles."""
    lessons = []
    for position, (title_en, title_zh) in enumerate(titles, start=1):
        body_en, body_zh = lesson_body(
            course_en=course_en,
            course_zh=course_zh,
            title=(title_en, title_zh),
            position=position,
            total=len(titles),
        )
        lessons.append(
            {
                "position": position,
                "title_en": title_en,
                "title_zh_hans": title_zh,
                "body_en": body_en,
                "body_zh_hans": body_zh,
            }
        )
    return lessons


for _fields in DEMO_COURSES:
    _target, _specialisation, _focus_en, _focus_zh, _titles = _PROFILES[_fields["slug"]]
    _fields.update(
        target_level=int(_target),
        specialisation=_specialisation,
        focus_en=_focus_en,
        focus_zh_hans=_focus_zh,
        lessons=lessons_for(
            course_en=_fields["title_en"], course_zh=_fields["title_zh_hans"], titles=_titles
        ),
    )


# --- Synthetic courses for benchmarks ------------------------------------------

_TOPICS = [
    ("Email Writing", "邮件写作"),
    ("Listening", "听力"),
    ("Reading", "阅读"),
    ("Pronunciation", "发音"),
    ("Vocabulary", "词汇"),
    ("Grammar", "语法"),
    ("Speaking", "口语"),
    ("Presentations", "演讲"),
    ("Essay Writing", "议论文写作"),
    ("Note Taking", "笔记"),
]
_SETTINGS = [
    ("at Work", "职场"),
    ("for Travel", "旅行"),
    ("for Exams", "备考"),
    ("for University", "大学"),
    ("in Daily Life", "日常生活"),
]
_ALL_GOALS = [EXAM, BUSINESS, TRAVEL, CONVERSATION, ACADEMIC]
_SPECIALISATIONS = ["healthcare", "hospitality", "it", "teaching", "ielts", "toefl", "cet", "gaokao"]


def synthetic_course_fields(*, number: int, rng: random.Random) -> dict[str, Any]:
    """Plausible-looking fields for generated course `number` (benchmarks only)."""
    topic_en, topic_zh = _TOPICS[number % len(_TOPICS)]
    setting_en, setting_zh = _SETTINGS[(number // len(_TOPICS)) % len(_SETTINGS)]
    low = rng.randint(1, 6)
    high = min(6, low + rng.randint(0, 2))
    target = rng.randint(low, high)
    level = CefrLevel(low).label if low == high else f"{CefrLevel(low).label}-{CefrLevel(high).label}"
    return {
        "title_en": f"{topic_en} {setting_en} {level} (Unit {number})",
        "title_zh_hans": f"{setting_zh}{topic_zh} {level}（第 {number} 单元）",
        "summary_en": f"Generated course {number} for performance tests: {topic_en.lower()} practice.",
        "summary_zh_hans": f"用于性能测试的生成课程 {number}：{topic_zh}练习。",
        "level_min": low,
        "level_max": high,
        "target_level": target,
        # One in five generated courses is specialised, as in the demo catalog.
        "specialisation": rng.choice(_SPECIALISATIONS) if number % 5 == 0 else "",
        "focus_en": f"{topic_en.lower()} {setting_en.lower()}",
        "focus_zh_hans": f"{setting_zh}{topic_zh}",
        "goals": rng.sample(_ALL_GOALS, rng.randint(1, 2)),
        "audiences": rng.sample(list(EVERYONE), rng.randint(1, 3)),
        "featured": False,
    }


def synthetic_lessons(*, number: int, title_en: str, title_zh: str) -> list[dict[str, Any]]:
    """4 to 6 plainly generated lessons of generated course `number`."""
    titles = [
        (f"Unit {number}, part {part}", f"第 {number} 单元第 {part} 部分")
        for part in range(1, 5 + number % 3)
    ]
    return lessons_for(course_en=title_en, course_zh=title_zh, titles=titles)
