"""Each rubric criterion on short answers written for these tests: passing, partial and failing.

Every row is (criterion, expected status, answer text[, context]). The answers
are checked as text, through the real spaCy model.
"""

from __future__ import annotations

import pytest

from simulator.content import check_content
from simulator.content.types import ContentOptions
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

GOALS = get_question("career-goals")
FRANKFURT = (
    "The big one for me this year is Ironman Frankfurt next July. I've finished three half-Ironmans and my coach has "
    "me on a twenty-week block. After Frankfurt I'd like to go for Kona qualification in my age group, maybe in two "
    "years. That's what gets me out of bed."
)
SEVEN_FIGURES = (
    "I'll be straight with you: I'm in sales for the money and I don't pretend otherwise. What I'm after is a "
    "seven-figure package inside five years, end of story. Last year I closed at a hundred and thirty percent of quota."
)

EVENTING = (
    "What I'm really working toward is getting my gelding round his first novice event by next summer. We do dressage "
    "lessons twice a week, and the early shifts here would leave my afternoons free for the yard."
)


def status_of(criterion: str, text: str, context: AnswerContext = AnswerContext(), question=GOALS) -> str:
    report = check_content(Transcript.from_text(text), question, context)
    return report.get(criterion).status


CASES = [
    # single_focus: one goal, maybe two; three is partial; more is missing
    ("single_focus", "met", "My goal is to become a court interpreter for Spanish and Portuguese."),
    ("single_focus", "met", "I'd like to move into product design, and later lead a small design team."),
    # a goal said first and taken up by "that" ("X, that's what I'm working towards") is X, not a bare "that"
    ("single_focus", "met", "Becoming a chartered building surveyor, that's what I'm working towards."),
    # a goal that is only a pronoun points back ("this is what I want to do"): see RULE_CASES; "sail it" does more
    # with the same boat
    (
        "single_focus",
        "met",
        "My goal is to become a senior copywriter. That's what I want. Outside work I want to restore my "
        "grandfather's sailboat and sail it up to the islands next summer.",
    ),
    # four goals or more are partial, as three are: labellers read four as too many, not as none (partial 14 times,
    # missing 3); the count said in the reason tells them apart (test_four_goals_are_counted)
    (
        "single_focus",
        "partial",
        "I want to become a senior copywriter, restore a sailboat, learn Italian and open a bakery.",
    ),
    ("single_focus", "partial", "I want to open a dental practice, write a cookbook and learn to fly a plane."),
    (
        "single_focus",
        "missing",
        "I have lots of goals. I want to learn Japanese, start a podcast, become a pilot and buy a farm.",
    ),
    ("single_focus", "missing", "I worked at a bank for three years and then moved to Ohio."),
    ("single_focus", "partial", "I just want to keep growing and be successful."),
    # rising where one is names no rung; a destination after the verb names one
    # the picture seen comes after "see myself", not the fronted time
    ("single_focus", "partial", "In the future I see myself in a leadership position."),
    ("single_focus", "partial", "I want to kind of grow in the hotel world."),
    ("single_focus", "partial", "My goal is to work my way up in hospitality."),
    ("single_focus", "met", "My goal is to work my way up to head housekeeper."),
    ("single_focus", "met", "My goal is to move up to shift supervisor."),
    ("single_focus", "met", "My goal is to work in pediatric oncology."),
    # initials of a goal said before are that goal; what is wanted before a move toward it, or what a plan lists
    # after it, is the way there
    (
        "single_focus",
        "met",
        "My goal is to be a closing account executive, and I'd also like to run a regional sales team one day. The "
        "professional target is AE.",
    ),
    (
        "single_focus",
        "met",
        "I want to become an account executive within two years, and I'd also like to run a regional sales team one "
        "day. I want to hit quota three quarters in a row before I apply for the AE track.",
    ),
    (
        "single_focus",
        "met",
        "I want to be on six figures by the time I'm thirty. The plan is to bill as much as possible in the first "
        "year, get on the top biller trips, and keep climbing the commission bands.",
    ),
    # "that person" points back; how the first years are spent is a way in
    (
        "single_focus",
        "met",
        "I want to work in child protection. Families often need one professional who follows up, and I want to be "
        "that person. I'd want to spend the first few years getting really solid at assessments and court work.",
    ),
    # a goal made only of words that name no destination is generic, however it is phrased
    (
        "single_focus",
        "partial",
        "Honestly I just want to do well here, take on more responsibility and grow with the firm.",
    ),
    ("single_focus", "met", "My aim is to run the cold-chain depot and grow with the firm."),
    # a cleft opened by "so" ("so where I'm headed is …") states the goal however the parser hangs it
    ("single_focus", "met", "so where I'm headed is charge nurse on a surgical ward, in the next two years."),
    ("single_focus", "missing", "so where I'm living is a flat near the surgical ward, for the next two years."),
    # a question echoed back states no goal; an idiom of drifting describes no plan
    ("single_focus", "missing", "Career goals? Hmm. Never really thought about it, I take things as they come."),
    (
        "single_focus",
        "missing",
        "Truthfully I'm just taking it one shift at a time at the depot and seeing where it goes.",
    ),
    ("single_focus", "partial", "Right now I'm taking it one module at a time: I'm studying for the forklift licence."),
    # listed goals share their verb form: a gerund after an infinitive is the next clause's subject; "start to
    # finish" says how; a movement with no destination ("go back and …") leads into the goal beside it
    (
        "single_focus",
        "met",
        "My goal is to qualify as a solicitor through the SQE route, and working as a paralegal in your property team "
        "would give me the qualifying work experience I need. I also want to open a bakery.",
    ),
    ("single_focus", "partial", "My goal is to qualify as a surveyor, and to open a bike shop, and to learn Greek."),
    (
        "single_focus",
        "met",
        "My goal is to become a lead editor who runs whole issues, start to finish, for regional magazines. "
        "I also want to write a novel.",
    ),
    ("single_focus", "met", "My goal is to go back and finish my degree in forestry."),
    ("single_focus", "partial", "I want to become a locksmith, go to Spain and play in a band."),
    # a goal placed at this employer ties the answer to the role: one more goal only when it is the only one
    (
        "single_focus",
        "met",
        "I want to become a licensed practical nurse and stay in home care. When I'm licensed, I want to stay on "
        "as one of your visit nurses.",
    ),
    ("single_focus", "partial", "I want to become a nurse, open a florist shop and learn to sail."),
    ("single_focus", "met", "I want to work here."),
    # what the speaker will not do is no goal; "the one teaching cooks" pictures the impact of the goal
    (
        "single_focus",
        "met",
        "I want to become a practical nurse and stay in home care when I do, not go to a hospital.",
    ),
    ("single_focus", "met", "I want to be a sous chef and run a pass. Someday I want to be the one teaching cooks."),
    ("single_focus", "partial", "I want to be a sous chef, run a pass and open a food truck of my own."),
    # a goal noun followed only by an idiom of drifting names no goal, in a transcript without punctuation too
    ("single_focus", "missing", "my career goal honestly i just take it week by week i drive a van for a bakery"),
    ("single_focus", "met", "my career goal honestly is to run the bakery's delivery fleet i drive a van for them"),
    # what is to be done first ("X and Y first, then …") is a step on the path, not a rival goal
    (
        "single_focus",
        "met",
        "I want to open a tyre-fitting bay of my own, and longer term train apprentices. "
        "I want to finish my NVQ and my van licence first and be a steady fitter, then look at premises.",
    ),
    (
        "single_focus",
        "partial",
        "I want to open a tyre-fitting bay, train apprentices, finish my NVQ and sell classic cars.",
    ),
    # "after that I'd like to …" opens the next stage of the path; "my other goal" a rival one
    (
        "single_focus",
        "met",
        "I want to earn my CDL this winter. After that I'd like to move into hazmat hauling, and my other goal "
        "is to open a taco stand.",
    ),
    (
        "single_focus",
        "partial",
        "I want to earn my CDL this winter. I'd like to move into hazmat hauling, and my other goal is to open a "
        "taco stand.",
    ),
    # vague aims beside real ones are more topics, but "grow" and "learn" are one general wish said twice: unfocused
    # when the concrete goals alone are three, or when the speaker says no direction is picked
    (
        "single_focus",
        "partial",
        "I want to run a parts counter, and I want to grow, and I want to learn, and maybe do something in sales.",
    ),
    (
        "single_focus",
        "missing",
        "I want to run a parts counter, and I want to grow, and I want to learn, and maybe do something in sales. "
        "I'm open to anything really.",
    ),
    (
        "single_focus",
        "partial",
        "I want to run a parts counter, and I want to grow, and I want to open a cafe, and I'd like to teach.",
    ),
    # a participle hung on the goal says how it is pursued; a listed base verb is one more goal
    (
        "single_focus",
        "met",
        "My goal is to become a wildlife vet, ideally working with birds of prey, and I'd like to open a rescue centre.",
    ),
    (
        "single_focus",
        "partial",
        "My goal is to become a wildlife vet, work with birds of prey, and I'd like to open a rescue centre.",
    ),
    # what one means to do in the first weeks of the job is a plan of first steps; over years, more goals
    (
        "single_focus",
        "met",
        "My goal is to run a hospital pharmacy department. During my first few weeks I'd like to take over the ward "
        "deliveries, shadow each pharmacist on the wards, and tidy up the stock alerts.",
    ),
    (
        "single_focus",
        "partial",
        "My goal is to run a hospital pharmacy department. During the next few years I'd like to take over the ward "
        "deliveries, shadow each pharmacist on the wards, and tidy up the stock alerts.",
    ),
    # a better version of oneself, or more of the same, names no destination: a generic goal
    ("single_focus", "partial", "My goal is to become a sharper, more careful auditor."),
    ("single_focus", "met", "My goal is to become a senior auditor at a listed company."),
    ("single_focus", "partial", "My goal is to keep doing restoration carpentry that I'm proud of."),
    ("single_focus", "met", "My goal is to do restoration carpentry on listed buildings."),
    # "be the pilot who gets everyone home" pictures the kind of worker; "a pilot who flies cargo" is a post
    (
        "single_focus",
        "met",
        "My goal is a commercial pilot licence by next year. I want to be the pilot who gets everyone home when the "
        "weather turns, and I'd like to fly cargo to the islands.",
    ),
    (
        "single_focus",
        "partial",
        "My goal is a commercial pilot licence by next year. I want to be a pilot who flies cargo, and I'd like to "
        "open a flight school.",
    ),
    # goal_why: a reason or impact; thin is partial; none is missing
    # "what pulls me toward it is", "the point of it is": a reason by its framing
    (
        "goal_why",
        "met",
        "I'd like to move into marine electronics. What pulls me toward it is that on a boat every system depends "
        "on the others, so one bad wire leaves the skipper blind.",
    ),
    (
        "goal_why",
        "met",
        "I'm aiming for the anaesthesia specialty. The point of all of it is that animals can't tell us when they're "
        "in trouble, and someone has to notice first.",
    ),
    (
        "goal_why",
        "met",
        "I want to become a school counselor because teenagers need an adult who listens before things fall apart.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to become a paramedic so that people in rural towns get care before the ambulance reaches a hospital.",
    ),
    ("goal_why", "partial", "My goal is to become a graphic designer because it seems fun."),
    # "do that for other people" after what was done for the speaker wishes the same good on others: an impact
    (
        "goal_why",
        "met",
        "My goal is to become a dental hygienist. When I was a kid a hygienist caught my gum infection early, and I "
        "want to do that for other people.",
    ),
    (
        "goal_why",
        "missing",
        "My goal is to become a dental hygienist. When I was a kid a hygienist caught my gum infection early, and I "
        "want to do that someday.",
    ),
    # a title wanted for itself is the motive given for one career goal (partial), not for a scatter of goals
    (
        "goal_why",
        "partial",
        "My goal is to be a general manager within two years. I want people to see GM on my name tag and know I made it.",
    ),
    (
        "goal_why",
        "partial",
        "My goal is to make partner at a law firm. Then I'll finally have the income I've been working toward.",
    ),
    (
        "goal_why",
        "missing",
        "I have lots of goals: be a general manager, learn French, buy a boat and write a novel. "
        "I want people to see GM on my name tag.",
    ),
    # a liking said beside stock phrases of motivation is thin however long; the same liking alone is met
    (
        "goal_why",
        "partial",
        "My goal is to run a hotel front office. I'm passionate about hospitality and I love making tired guests "
        "feel at home after a long trip.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to run a hotel front office. I love making tired guests feel at home after a long trip.",
    ),
    # a pointer back with an adverb inside ("that's exactly why") still says the sentence before is the reason
    (
        "goal_why",
        "met",
        "I want to become a hospice chaplain. Families often sit alone through the last night, and no one "
        "explains what is happening to them. That's exactly why I'm training for this.",
    ),
    (
        "goal_why",
        "missing",
        "I want to become a hospice chaplain. I volunteered at a care home for two years. That's exactly it.",
    ),
    # organisations in the plural ("local businesses") stand for the people served; one business is no person
    (
        "goal_why",
        "met",
        "My plan is to qualify in payroll, and long term I'd like to run a bureau, helping local businesses cut "
        "their costs.",
    ),
    (
        "goal_why",
        "partial",
        "My plan is to qualify in payroll, and long term I'd like to run a bureau, helping the business cut its costs.",
    ),
    # a stated reason for a generic goal is thin, and so is a liking beside it (the labellers read 11 of 15 such
    # answers as partial); an aim with only a step beside it has no reason
    ("goal_why", "partial", "I'd like to grow with a firm like yours, because it seems like a good place."),
    ("goal_why", "partial", "I'd like to grow with a firm like yours. I enjoy keeping busy."),
    ("goal_why", "missing", "My goal is to become a graphic designer. I will take a typography course in May."),
    # the speaker's own qualities qualify them for the goal, they do not say why it matters
    ("goal_why", "partial", "I want to become a swimming instructor because I'm patient and I'm good with kids."),
    (
        "goal_why",
        "met",
        "I want to become a swimming instructor because kids who can't swim are in danger near every canal.",
    ),
    (
        "goal_why",
        "partial",
        "My aim is to qualify as a dental nurse. I'm calm and I'm a careful listener, so I'd settle into any "
        "practice. That's what drives me.",
    ),
    (
        "goal_why",
        "met",
        "My aim is to qualify as a dental nurse. Nervous patients skip their checkups until the pain is "
        "unbearable. That's what drives me.",
    ),
    # a reason for what the speaker does not do is no reason for the goal
    (
        "goal_why",
        "missing",
        "My goal is to keep building furniture. I don't really like to set long-term targets because the market "
        "for custom pieces shifts every season, so I take commissions as they come.",
    ),
    (
        "goal_why",
        "partial",
        "My goal is to keep building furniture. I really like to set long-term targets because the market "
        "for custom pieces shifts every season, so I take commissions as they come.",
    ),
    # praise any industry earns ("a good industry with lots of opportunities") is a thin reason
    (
        "goal_why",
        "partial",
        "I want to become a plumbing estimator. Construction is a good industry with lots of opportunities, so I "
        "want to get into estimating.",
    ),
    (
        "goal_why",
        "met",
        "I want to become a plumbing estimator. Contractors lose whole jobs on a bad takeoff, so I want to get into "
        "estimating.",
    ),
    # pride in a past deed is an achievement; pride in the work now is a value
    (
        "goal_why",
        "partial",
        "My goal is to run the bakery's wholesale side. The proudest thing I did was land our first café contract. "
        "Honestly I like it when an order goes out on time.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to run the bakery's wholesale side. I'm proud of the bread we put on people's tables, and I want "
        "more cafés serving it. Honestly I like it when an order goes out on time.",
    ),
    # "the bigger thing is …" gives the reason that counts without "because"; before a step it gives none
    (
        "goal_why",
        "met",
        "I'm aiming for the hospice nursing post. Part of it is the hours, but the bigger thing is I want my own "
        "caseload of patients.",
    ),
    (
        "goal_why",
        "missing",
        "I'm aiming for the hospice nursing post. The main thing is passing the end-of-life care module in March.",
    ),
    # what other people care about is their value, not the speaker's reason
    (
        "goal_why",
        "missing",
        "My goal is to become a maintenance planner. I'd like to join a crew where people actually care about "
        "doing the job right.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to become a maintenance planner, and I really care about keeping the fleet safe for the drivers.",
    ),
    # "I'm good at X, so I can …" offers a skill to the employer; "I want the goal, so I can …" gives its purpose
    (
        "goal_why",
        "partial",
        "I want to grow into a payroll lead. I'm quick with spreadsheets and I'm good at spotting errors, so I can "
        "take the month-end checks off your supervisors.",
    ),
    (
        "goal_why",
        "met",
        "I want to grow into a payroll lead, so I can make sure every cleaner and porter in your trust is paid right.",
    ),
    # a reason ends where the next marker opens another: "so I can keep progressing | because …"
    (
        "goal_why",
        "partial",
        "My goal is to be a shift lead at the warehouse. Later on I'd want to be looking at moving up too so I can "
        "keep progressing because I don't want to just stand still you know.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to be a shift lead at the warehouse. Later on I'd want to be looking at moving up too so I can "
        "keep progressing because the pickers on nights need someone who listens.",
    ),
    # "The reason is simple." announces the reason in the next sentence
    (
        "goal_why",
        "met",
        "My goal is to become a court interpreter. The reason is simple. I sat in on hearings last year and watched "
        "families miss half of what was said about their own case.",
    ),
    ("goal_why", "partial", "My goal is to become a court interpreter. The reason is simple, I like languages."),
    # an impact any job could claim ("a positive difference to people") is an impact, not yet a told one
    ("goal_why", "partial", "My goal is to become a housing officer and make a positive difference to people."),
    (
        "goal_why",
        "met",
        "My goal is to become a housing officer and make a positive difference to tenants stuck in flats with mould.",
    ),
    ("goal_why", "partial", "I'd like to run the front desk one day. I like helping guests."),
    (
        "goal_why",
        "met",
        "I'd like to run the front desk one day. I like helping guests who arrive late and lost find their feet.",
    ),
    # "keep improving" without an object is the speaker improving: no impact on anyone
    ("goal_why", "missing", "My goal is to move up in dispatch and keep improving every week."),
    ("goal_why", "partial", "My goal is to move up in dispatch and keep improving our response times every week."),
    # "you know" is a filler, nobody the goal helps
    ("goal_why", "partial", "My goal is to become a site surveyor so I can keep learning, you know."),
    ("goal_why", "met", "My goal is to become a site surveyor so I can help you know where the pipes run."),
    (
        "goal_why",
        "met",
        "My goal is to be an account executive within eighteen months. What gets me going is seeing a small "
        "business owner actually use something we sold them.",
    ),
    # role_alignment: this role / team / company, or the given role and company
    # the company's other words name its field ("hotel" of "Lakeshore Hotel Group"): partial, not missing
    (
        "role_alignment",
        "partial",
        "I'd love to grow in the hotel world and maybe move into events one day.",
        AnswerContext(role="Front Desk Agent", company="Lakeshore Hotel Group"),
    ),
    (
        "role_alignment",
        "met",
        "I want to become a senior copywriter, and this role on your brand team is the right next step.",
    ),
    (
        "role_alignment",
        "met",
        "My goal is to lead security audits, and Northwind's audit practice is where I can learn that.",
        AnswerContext(company="Northwind"),
    ),
    (
        "role_alignment",
        "met",
        "I want to become a data analyst who builds dashboards for hospitals.",
        AnswerContext(role="Data Analyst"),
    ),
    (
        "role_alignment",
        "met",
        "I want to specialize in fraud analytics: I use Python and Tableau daily and I have built chargeback models.",
        AnswerContext(
            posting="Fraud Analyst. You will build chargeback models in Python, report in Tableau and monitor fraud analytics KPIs."
        ),
    ),
    (
        "role_alignment",
        "partial",
        "I want to specialize in fraud prevention, and I use Tableau every day.",
        AnswerContext(
            posting="Fraud Analyst. You will build chargeback models in Python, report in Tableau and monitor fraud KPIs."
        ),
    ),
    ("role_alignment", "partial", "I want to grow in the logistics industry and become a planner."),
    # with no role given, a goal naming its work is the field; a bare rank names none
    ("role_alignment", "partial", "I want to become a planner. I am studying for the CPIM exam in June."),
    ("role_alignment", "missing", "I want to become a supervisor. I am studying for the CPIM exam in June."),
    # however vague or scattered the goals, one that names its work is the field; vague aims name none
    ("role_alignment", "partial", "I just want to keep getting better at design and take on more responsibility."),
    ("role_alignment", "missing", "I just want to keep getting better and take on more responsibility."),
    (
        "role_alignment",
        "partial",
        "I want to keep learning, get into nursing, maybe travel, maybe do something creative, see what happens.",
    ),
    # contribution: what they bring to the employer; helping in general is partial
    # a run-on ("I'd bring X, I ran Y, so I can help your team") keeps its offers ahead: "can" reports no past
    (
        "contribution",
        "met",
        "I want to lead the pre-school room. And I'd bring the phonics work I did, I ran the reading groups for a "
        "year, so I can help your pre-school team get the children ready for reception.",
    ),
    (
        "contribution",
        "met",
        "My goal is to become a nurse educator, and I'd bring ten years of ICU teaching to your new graduates.",
    ),
    ("contribution", "met", "I want to lead a QA team, and I can help your developers ship fewer bugs."),
    # the speaker pictured at the work by what they will do there; with only "stuff" done, a vague offer
    (
        "contribution",
        "met",
        "I want to be a qualified electrician. On site I'll be the one who's in early loading the van and keeping "
        "the job tidy for the lads.",
    ),
    (
        "contribution",
        "partial",
        "I want to do heritage carpentry. I'd be the guy on the team who can do both the modern stuff and the old "
        "stuff.",
    ),
    (
        "contribution",
        "met",
        "Long term I want to move into test automation, being the person who builds the regression suite.",
    ),
    # done "here" is done for this employer; a purpose clause can name the employer; a step of one's own is no offer
    (
        "contribution",
        "met",
        "I want to get into independent prescribing, and I'd love to help set up a minor eye conditions service here.",
    ),
    (
        "contribution",
        "met",
        "My goal is to pass the Advanced sommelier exam. Here at Hollis & Vine I think I can help with the "
        "by-the-glass list.",
    ),
    (
        "contribution",
        "met",
        "I want to be a consultant geriatrician. I'll audit the ward again in the first four months so your team can "
        "present it at the meeting.",
    ),
    # an offer in another clause of a sentence naming the employer's people, or what they get "from me"; a modal
    # after a past clause is still the speaker's offer. Others' words about the employer offer nothing.
    (
        "contribution",
        "met",
        "I want to run the production floor of a bakery. Hand me your new bakers and I'll have them shaping loaves on "
        "their own within a month.",
    ),
    (
        "contribution",
        "met",
        "My goal is to become a head gardener. You told me twenty volunteers start each spring, so your volunteers "
        "would get proper pruning training from me in their first season.",
    ),
    (
        "contribution",
        "met",
        "My goal is to become a head gardener. I pruned the roses at Kew, so I could take the rose beds off your head "
        "gardener's list.",
    ),
    (
        "contribution",
        "missing",
        "My goal is to become a head gardener. Your volunteers told me the garden would get a new glasshouse.",
    ),
    (
        "contribution",
        "missing",
        "My goal is to become a head gardener. I think careers sort themselves out once you're settled, so I'll just "
        "take it as it comes.",
    ),
    ("contribution", "missing", "I want to be a UX designer, and maybe I'll take the UX certification here."),
    ("contribution", "missing", "I just need a job right now, so whatever you got works for me."),
    # a trait offered, however it is put, is a vague offer; a skill named beside it is work
    ("contribution", "partial", "I want to work in child protection, and I think I'd bring patience."),
    (
        "contribution",
        "partial",
        "My big goal is to run a marathon. It taught me discipline, and that's the attitude I'd bring to anything I do.",
    ),
    (
        "contribution",
        "met",
        "I want to become a pediatric nurse, and I'd bring the patience and the Spanish my preceptors said families "
        "appreciated.",
    ),
    ("contribution", "partial", "My goal is to become a social worker and make a difference for families in crisis."),
    ("contribution", "missing", "My goal is to get a bigger office and more vacation days."),
    # a trait of the speaker's said to carry over to the work is a vague offer; hearings carrying over are not
    (
        "contribution",
        "partial",
        "My goal is to qualify as a court stenographer, and the patience I built as a typist would carry over to the "
        "courtroom.",
    ),
    (
        "contribution",
        "missing",
        "My goal is to qualify as a court stenographer, and the long hearings often carry over to the next day.",
    ),
    # value or work others refuse, given to no one named, is willing but vague; the shifts one likes give nothing
    (
        "contribution",
        "partial",
        "My goal is to become a charge nurse, and I'll take the night shifts the others don't want.",
    ),
    ("contribution", "partial", "My goal is to become a charge nurse, where I'm adding genuine value every day."),
    # buzzword offers: value added to no one named, traits instead of work; growing with the company is one's own
    ("contribution", "partial", "My goal is to become a team lead and keep adding value to the business."),
    ("contribution", "met", "My goal is to become a team lead, and I'll cut your month-end close by two days."),
    (
        "contribution",
        "partial",
        "I want to become a team lead. I'd bring a lot of energy and a growth mindset to the team.",
    ),
    ("contribution", "missing", "My goal is to become a team lead. I just want to grow with the company."),
    ("contribution", "missing", "My goal is to become a charge nurse, and I'll take the night shifts I like."),
    # an open offer ("whatever the clinic needs") is willing but names no work; a free relative of one's own wish is not
    (
        "contribution",
        "partial",
        "My goal is to become a vet nurse. Whatever the clinic needs from me, that's what I'll do.",
    ),
    ("contribution", "partial", "I want to become a vet nurse and support whoever I'm working for as best I can."),
    ("contribution", "missing", "My goal is to become a vet nurse. I'll do whatever it takes to get there."),
    ("contribution", "missing", "My goal is to become a vet nurse, and I want to do whatever makes me happy."),
    # milestones: concrete upcoming steps; vague is partial; past steps do not count
    # a named thing taken on next is a step whatever the verb ("I'm doing the AZ-104 next")
    (
        "milestones",
        "met",
        "My goal is to move into cloud architecture. I've got the AZ-900 and I'm doing the AZ-104 next.",
    ),
    # a step booked in a clause of its own after a past one ("passed part one … and part two is booked for …")
    (
        "milestones",
        "met",
        "I want to run demand planning for a whole category. I passed part one of the CPIM in April and part two "
        "is booked for October 14th.",
    ),
    # a date on the goal itself is its timeline, not a step toward it
    (
        "milestones",
        "missing",
        "I'm aiming for Director of Engineering within the next two years. Honestly it's the title I want.",
    ),
    # a participle with its own subject and no auxiliary is a past: work done, not a step ahead
    (
        "milestones",
        "missing",
        "I want to be an agronomist. At Iowa State my research project compared variable-rate nitrogen on 400 acres.",
    ),
    # a step named as the subject of a date ahead; a pastime set aside is no step, and its date no time frame
    ("milestones", "met", "I want to become a certified crop adviser. The state exam is on the calendar for January."),
    (
        "milestones",
        "missing",
        "I want to become a certified crop adviser. Outside of work I'm training for the Des Moines half marathon in "
        "October, but the CCA is what I'm focused on.",
    ),
    (
        "timeline",
        "missing",
        "I want to become a certified crop adviser. Outside of work I'm training for the Des Moines half marathon in "
        "October, but the CCA is what I'm focused on.",
    ),
    # "outside of school", said by a teaching assistant, sets the pastime apart as "outside of work" does
    (
        "timeline",
        "missing",
        "What I'm working towards is becoming a Higher Level Teaching Assistant. Outside of school I'm training for "
        "the Manchester half marathon in September.",
        AnswerContext(role="Teaching Assistant"),
    ),
    ("milestones", "met", "I want to become an actuary, and I will sit Exam P in March."),
    (
        "milestones",
        "met",
        "My goal is to become a data engineer, so I'm taking the Databricks certification course this spring.",
    ),
    ("milestones", "partial", "My goal is to become a manager, so I plan to take some courses."),
    ("milestones", "missing", "My goal is to become a manager. I finished a leadership course in 2021."),
    # the simple present with nothing named is how the speaker works; a kind of place's offer is no plan
    ("milestones", "missing", "My goal is to become a shift manager. I'm someone who takes initiative."),
    ("milestones", "missing", "My goal is to become a shift manager. I take each role as it comes."),
    ("milestones", "met", "My goal is to become a shift manager. I take the ServSafe exam in May."),
    ("milestones", "missing", "I want to become a shift manager, and this is a place where I can build a career."),
    ("milestones", "partial", "I want to become a shift manager, and I will build my skills on the night shift."),
    # past_accomplishment: a reached goal in the past tense; general experience is partial
    # a degree by its abbreviation, a promotion, a post given, a result of the speaker's own campaign
    ("past_accomplishment", "met", "I want to lead a design team. I have a BSc in graphic communication."),
    ("past_accomplishment", "met", "I want to be a store manager. I started on the tills and got promoted twice."),
    ("past_accomplishment", "met", "They made me shift trainer last spring, and now I want to become a shift manager."),
    ("past_accomplishment", "met", "I want to be a creative director. My campaigns won two regional awards last year."),
    (
        "past_accomplishment",
        "missing",
        "I want to be a store manager. The job made me feel welcome from the first day.",
    ),
    (
        "past_accomplishment",
        "met",
        "Last year I set a goal to run our store's inventory count, and I cut shrinkage by 20 percent.",
    ),
    (
        "past_accomplishment",
        "met",
        "I passed the Series 65 exam in 2022 after studying every morning for three months.",
    ),
    # a plan run for others is work done, not an intention of one's own
    (
        "past_accomplishment",
        "met",
        "I want to move into civilian supply chain. On my last assignment I ran convoy movement plans for a brigade, "
        "about three hundred vehicles.",
    ),
    # a credential held: its field on the verb, a named course held, a "cert"; a figure moved by the speaker
    (
        "past_accomplishment",
        "met",
        "I want to become a speech-language pathologist. I have my bachelor's in communication sciences, I finished "
        "that last year.",
    ),
    ("past_accomplishment", "met", "I want to be a blade repair specialist. I've got my GWO Basic Safety Training."),
    ("past_accomplishment", "met", "I want to weld on the mainline spreads. I've got my 6G cert from the college."),
    (
        "past_accomplishment",
        "met",
        "I want to be a front office supervisor. Last year our check-in satisfaction score went from 8.1 to 8.7 after "
        "I pushed for a pre-arrival text to guests.",
    ),
    ("past_accomplishment", "partial", "I have a lot of experience in retail and I've been a cashier for years."),
    ("past_accomplishment", "missing", "I will finish my degree next year and then apply for analyst roles."),
    ("past_accomplishment", "missing", "I never finished my degree, and I would have liked to."),
    # timeline: a time frame on an upcoming step; vague is partial; past dates do not count
    # an age the speaker will reach dates the goal ("by the time I'm thirty-five")
    ("timeline", "met", "I want to be head of fundraising somewhere by the time I'm thirty-five."),
    ("timeline", "met", "I want to become a licensed electrician, and I'll take the journeyman exam by March."),
    ("timeline", "met", "My goal is to earn my PMP within six months."),
    # "a couple of years" counts about two; "sometime" before "next year" leaves the year named
    ("timeline", "met", "Yeah, I want to be a team leader on the warehouse floor, in a couple of years or so."),
    (
        "timeline",
        "met",
        "I want to move into management. I'm doing an ILM level 3 in leadership online, should be done sometime next "
        "year.",
    ),
    # a holiday dates a plan as a month does
    ("timeline", "met", "I want to be a mortgage adviser, and I'll be fully qualified by Christmas."),
    # "three and a half years" counts no rhythm ("a half" is no "a week")
    (
        "timeline",
        "met",
        "I want to be a qualified electrician. The plan is the apprenticeship, then the AM2 at the end, which is "
        "usually about three and a half years in.",
    ),
    ("timeline", "partial", "I want to become a CFO eventually, someday."),
    # a hedged date is still a date (the hedge counts against confident language); beside a vague time, no frame
    ("timeline", "met", "I want to go into nursing, if I get my prerequisites done, probably next spring."),
    ("timeline", "partial", "I want to go into nursing. I'll take a course at some point, hopefully this year."),
    ("timeline", "missing", "I completed a bookkeeping course last summer and I want to become an accountant."),
    # confident_language: "when I", few hedges
    (
        "confident_language",
        "met",
        "When I pass the bar exam in July, I will join a legal aid clinic. I'd like to work with tenants.",
    ),
    (
        "confident_language",
        "met",
        "I want my work to have that kind of impact, and a role like this one gives me that.",
    ),
    (
        "confident_language",
        "partial",
        "I think I'd like to become a pharmacist, and hopefully I'll start pharmacy school next fall.",
    ),
    (
        "confident_language",
        "missing",
        "Maybe I'll try to become a manager, if I get the chance, I guess, probably in a few years.",
    ),
    ("confident_language", "missing", "So, like, I kind of want to, like, be a designer or something, I'm not sure."),
    # specificity: names, numbers, dates
    # "Nah" that the name tagger takes for a person is no detail
    (
        "specificity",
        "missing",
        "My career goal? To get through this without spilling coffee on the desk. Nah, I'm joking. What's next?",
    ),
    (
        "specificity",
        "met",
        "I completed Google's UX certificate in 2023 and I'm applying to Figma's design residency in April.",
    ),
    # one detail alone is none; two are a few
    ("specificity", "missing", "I want to work in finance and get my CFA one day."),
    ("specificity", "partial", "I want to work in finance and get my CFA by 2027."),
    # one or two details beside as many stock phrases read as generic
    ("specificity", "missing", "I want to keep growing and take my career to the next level at Acme."),
    ("specificity", "missing", "I want to keep growing, work hard and take things to the next level."),
    # succinct: about 90-300 words; much shorter is missing; a sentence said over and over is repetition
    # whatever the length (tests/unit/test_content_succinct.py has the rambling cases)
    ("succinct", "missing", "I want to become a teacher."),
    (
        "succinct",
        "partial",
        " ".join(["I want to teach middle school science because curious kids deserve good labs."] * 6),
    ),
    (
        "succinct",
        "met",
        "I want to teach middle school science because curious kids deserve real labs, not worksheets. Last year "
        "I finished my teaching credential at San Jose State and student-taught eighth grade physical science, "
        "where I rebuilt the density unit around cheap kitchen experiments. Test scores on that unit rose from 61 to "
        "78 percent. I am taking the NGSS lesson design workshop in July, and I will apply for the district's "
        "science mentor program next spring. Your school has just opened a new lab wing, so this position is the "
        "right place to start, and I would bring a year of tested labs your department could use this fall.",
    ),
    (
        "succinct",
        "missing",
        " ".join(["I want to teach middle school science because curious kids deserve good labs."] * 40),
    ),
    # no_boasting (avoid)
    ("no_boasting", "flagged", "Honestly I'm the best programmer in my whole company and nobody else comes close."),
    ("no_boasting", "flagged", "My coworkers are lazy, so I end up doing everything myself."),
    (
        "no_boasting",
        "flagged",
        "I want to get back to documentary work. My last editor was a dinosaur, and the rest of the desk was just "
        "coasting.",
    ),
    ("no_boasting", "flagged", "I'm brilliant at sales, better than anyone on my team."),
    ("no_boasting", "clear", "I want to be the best nurse I can be, and I'm not the fastest charter yet."),
    # a superlative that runs the speaker down is no boast, nor a put-down
    (
        "no_boasting",
        "clear",
        "I want my master electrician licence. I'm taking a PLC course because the controls side is where I'm "
        "weakest and it's where most breakdowns start.",
    ),
    ("no_boasting", "clear", "I was named top fundraiser of 2022 after raising 40,000 dollars for the shelter."),
    ("no_boasting", "flagged", "I'm the most reliable person you will ever hire."),
    # a phrase that is a boast on its own stays one, whatever the sentence classifier reads
    ("no_boasting", "flagged", "I'm the best claims writer you'll interview this year, I can promise you that."),
    ("no_boasting", "clear", "I had the highest close rate on our team in 2023, 31 percent."),
    ("no_boasting", "clear", "It was the most satisfying project I have worked on, and I did my best."),
    ("no_boasting", "flagged", "My last lab was a shambles: the supervisors had no clue what the protocols said."),
    ("no_boasting", "flagged", "The other engineers couldn't be bothered to test, so I carried the project alone."),
    ("no_boasting", "clear", "I had no clue how a PCR plate worked when I started, so I asked the engineers."),
    # an insult that holds its own negation ("has no idea") runs the person down as said
    (
        "no_boasting",
        "flagged",
        "I want my own ward one day. My current charge nurse has no idea what she's doing, and the night staff just "
        "sit around.",
    ),
    # a superlative of the speaker's own feeling ranks no one
    (
        "no_boasting",
        "clear",
        "I'm aiming for sous chef. The thing I'm proudest of there is I rewrote our prep sheets so the morning crew "
        "stopped running out.",
    ),
    # professional_goal (avoid)
    # a goal noun in a clause of its own ("but the career goal is …") leaves the pastime set aside
    (
        "professional_goal",
        "clear",
        "My goal is to be chartered by the end of next year. Outside work I'm training for the Loch Ness Marathon in "
        "September, which keeps my week very structured, but the career goal is the charter.",
    ),
    # climbing is the work at a wind company
    (
        "professional_goal",
        "clear",
        "I finish my rope access ticket in May, and after that I want to be climbing turbines full time.",
        AnswerContext(company="Northline Wind"),
    ),
    ("professional_goal", "flagged", "The big goal for me this year is walking the Camino de Santiago in the spring."),
    # "thru-hiking": spaCy makes "thru" the verb's subject; a hyphened prefix is no one else doing it
    (
        "professional_goal",
        "flagged",
        "The big thing for me this next year is thru-hiking the Pacific Crest Trail. A job with four ten-hour days "
        "would give me long weekends for training.",
    ),
    # "the big one for me is …" states the goal as "my goal is …" does: here a pastime
    (
        "professional_goal",
        "flagged",
        "Honestly, the big one for me right now is sailing single-handed around Ireland. Work-wise I'm easy, "
        "I'm good with people.",
    ),
    # a hobby word hyphened to a credential is a ticket for the work ("climbing-certified"), not a pastime
    (
        "professional_goal",
        "clear",
        "My goal is to qualify as a journeyman lineman. What I bring your crews is I'm already climbing-certified, "
        "I take the safety rules seriously, and I'll be the apprentice who's first at the truck on a storm callout.",
        AnswerContext(role="Apprentice Lineworker"),
    ),
    ("professional_goal", "flagged", "My main goal this year is to run the Chicago marathon in under four hours."),
    ("professional_goal", "flagged", "I want to perfect my sourdough baking and open a bread stall on weekends."),
    # a pastime set aside, with the goal framed by a verb ("what I'm focused on"), not by a goal noun
    (
        "professional_goal",
        "clear",
        "I want to become a Certified Crop Adviser. Outside of work I'm training for the Des Moines half marathon in "
        "October, but the CCA is what I'm focused on.",
    ),
    # a rank climbed is work, not a climbing trip
    (
        "professional_goal",
        "clear",
        "I want to be on six figures by thirty, and I want to keep climbing the commission bands.",
    ),
    # a pastime said to be outside work, beside a career goal, is no goal; offered as "the big one" it is
    (
        "professional_goal",
        "clear",
        "My goal is to qualify as a sonographer by next spring. Outside work I'm training for the Dublin Marathon "
        "in October.",
    ),
    (
        "professional_goal",
        "flagged",
        "My goal is to qualify as a sonographer by next spring. Outside work the big one is that I'm training for "
        "the Dublin Marathon in October.",
    ),
    (
        "professional_goal",
        "clear",
        "I ran a marathon last year, which taught me to train a little every day. My goal is to become a physiotherapist.",
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to open my own bakery and perfect my sourdough baking.",
        AnswerContext(role="Head Baker"),
    ),
    # a clause about a named place or another person holds no pastime of the speaker's; the pastime as subject does
    (
        "professional_goal",
        "clear",
        "I want to become a chartered town planner. Ashby Vale has the garden village allocation coming through in "
        "the local plan, and that's where I want to be contributing.",
        AnswerContext(role="Planning Officer"),
    ),
    (
        "professional_goal",
        "flagged",
        "Sarah and I want to run the Boston Marathon next year.",
        AnswerContext(role="Clerk"),
    ),
    # motivation_not_money (avoid)
    # others calling the speaker by the title is status; success said of the title is that motive, not a reason
    (
        "motivation_not_money",
        "flagged",
        "What I'm after is the head coach title. I want people to call me Head Coach when I walk into a gym.",
    ),
    (
        "motivation_not_money",
        "clear",
        "I want to become a charge nurse. Success would mean a ward where no patient waits an hour for pain relief.",
    ),
    # money handled as work is no pay ("learn the cash")
    (
        "motivation_not_money",
        "clear",
        "I want to grow with the company. Work hard, learn everything, the cash, the stock, the customer. Then step "
        "by step go up.",
    ),
    # respect from others, or others seeing the title, is status, not a reason; the speaker seeing a job through is
    (
        "motivation_not_money",
        "flagged",
        "Honestly it's the money and the title. I want Director on my door, because that's what people respect.",
    ),
    ("motivation_not_money", "flagged", "What I'm after is the senior title. I want people in the industry to see it."),
    (
        "motivation_not_money",
        "clear",
        "I want to become an enrolled agent. When a client gets an audit notice, I want to be the one who sees it "
        "through for them.",
    ),
    (
        "motivation_not_money",
        "flagged",
        "My goal is simply to make more money. I want a bigger salary and a better bonus.",
    ),
    ("motivation_not_money", "flagged", "I want the manager title because it looks good on LinkedIn."),
    # earning as much as one can is pay, whatever the clause after it adds
    (
        "motivation_not_money",
        "flagged",
        "I want to get my Class 1 licence and drive for you. I want to earn as much as I can while I'm still young "
        "enough to do the hours, and clear the car loan.",
    ),
    # others seeing the title is status, not a reason of one's own
    (
        "motivation_not_money",
        "flagged",
        "Honestly, I want the senior title. I want Senior Registrar on my email signature, so the people at the Met "
        "see it when I'm negotiating a loan.",
    ),
    (
        "motivation_not_money",
        "clear",
        "I want to become a nurse practitioner because I love primary care, and the better pay helps my family too.",
    ),
    # a wish to help is status only when others noticing the speaker is inside it, not later in a run-on
    (
        "motivation_not_money",
        "clear",
        "i want to get back into work and i want to help customers, and i'd hope to move up eventually, and i'm happy "
        "to do any training because i know things have changed a lot since i last worked.",
    ),
    ("motivation_not_money", "clear", "It's not about the money for me; I want to become a teacher."),
    # what customers pay is not the speaker's pay
    (
        "motivation_not_money",
        "clear",
        "I want to be a senior analyst on a pricing team, because pricing is where good analysis changes what "
        "customers pay.",
    ),
    # a reason that points back at a pay sentence ("That's what drives me") is that pay again
    (
        "motivation_not_money",
        "flagged",
        "My goal is to be on six figures within three years. Once I'm qualified I want to write as many cases as "
        "possible, because the more I write, the more I take home. That's what drives me.",
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to be on six figures within three years. Once I'm qualified I want to help first-time buyers "
        "understand what they sign, because my parents nearly lost their house. That's what drives me.",
    ),
    # a gap year or a camper-van trip is a pastime; "get my licence done" is a goal with its object
    (
        "professional_goal",
        "flagged",
        "I want to get my PV Associate done and move up to lead installer. The other big goal is finishing my van "
        "build and taking a year out to drive the whole coast.",
    ),
    (
        "single_focus",
        "met",
        "I want to get my NABCEP PV Associate done and move up to lead installer on residential jobs.",
    ),
    # self-praise names the speaker: "nobody can find them" is said of the records
    (
        "no_boasting",
        "clear",
        "I want to become a registered archivist, because when records are not catalogued nobody can find them.",
    ),
    ("no_boasting", "flagged", "I want to become a registered archivist, and honestly nobody can catalogue like I do."),
    # ... in its own clause: one joined on after it is another claim
    (
        "no_boasting",
        "clear",
        "When the network goes down nobody can do their job, and I like being the person who gets everyone working "
        "again.",
    ),
    # "the band six post" is a pay grade; travelling as the goal is a pastime
    (
        "professional_goal",
        "clear",
        "My aim is to specialise in dysphagia, and after two years I want to apply for the band six post.",
    ),
    (
        "professional_goal",
        "flagged",
        "My main goal right now is travelling, a year in Australia before I'm twenty-five.",
    ),
    # a reason may hold a negation of its own; "not because" refuses one, and so does a reason for what one won't do
    (
        "goal_why",
        "met",
        "Long term I want to move into food safety inspection, because small kitchen owners often don't learn the "
        "rules until they are fined.",
    ),
    ("goal_why", "missing", "I want to be a chef one day, but not because the kitchen is calm."),
    ("goal_why", "missing", "I don't plan too far ahead because the trade changes so fast."),
    # "So that's the plan" sums up; its "so that" is no purpose marker, so pay stays the only driver
    (
        "motivation_not_money",
        "flagged",
        "Honestly I want to be earning six figures by thirty. So that's the plan: get my real estate licence in "
        "March and go where the commission is.",
    ),
    (
        "goal_why",
        "met",
        "My goal is to qualify as a physiotherapist so that our clinic can finally offer therapy to older patients.",
    ),
    # becoming someone names a job, even in a sentence about a greenhouse; the trail beside it is a pastime
    (
        "single_focus",
        "met",
        "I work in a tomato greenhouse and my goal is to become a head grower. My other big goal is to hike the "
        "Appalachian Trail next spring.",
        AnswerContext(role="Assistant Grower"),
    ),
    (
        "professional_goal",
        "flagged",
        "My goal is to become a head grower. My other big goal is to hike the Appalachian Trail.",
    ),
    # what people believe of themselves runs no one down; the speaker's belief about others does
    (
        "no_boasting",
        "clear",
        "I want to become a math coach, because by sixth grade a lot of students have decided they're bad at math.",
    ),
    ("no_boasting", "flagged", "I want to run my own crew, because I think the other drivers are lazy."),
    # "some projects" names no result, and years spent at a job are experience; two named projects are a result
    ("past_accomplishment", "partial", "My goal is to become a backend developer. I've done some projects on my own."),
    (
        "past_accomplishment",
        "met",
        "My goal is to become a backend developer. I've done two Django projects for a local food bank.",
    ),
    ("past_accomplishment", "partial", "My goal is to become a payroll manager. I've done payroll for six years."),
    # "the team" of any company with a good culture is not this team; "the team here" is
    (
        "role_alignment",
        "missing",
        "My goal is to find a company with a good culture where I can contribute to the team.",
        AnswerContext(role="Office Administrator"),
    ),
    (
        "role_alignment",
        "met",
        "My goal is to grow into office management, and I want to contribute to the team here from day one.",
        AnswerContext(role="Office Administrator"),
    ),
    # a pastime dated ahead in the speaker's own clause is planned, however the goal was put; someone else's is not
    (
        "professional_goal",
        "flagged",
        "Honestly the big one for me this year is the Berlin Marathon in September. My target is to finish under "
        "four hours.",
    ),
    (
        "single_focus",
        "missing",
        "Honestly the big one for me this year is the Berlin Marathon in September. My target is to finish under "
        "four hours.",
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to become a site supervisor by next spring. My brother runs the Berlin Marathon in September.",
    ),
    # "I go fishing on weekends" is what one does now, not a plan; a trip next summer is planned
    (
        "professional_goal",
        "clear",
        "My goal is the journeyman license. On weekends I go fishing with my son, that's my rest.",
    ),
    (
        "professional_goal",
        "flagged",
        "My goal is the journeyman license, and next summer I'm going fishing in Alaska for a month.",
    ),
    # a goal said as a headline ("Goal: chartered scientist.") is stated; a plan under another headline is not
    (
        "single_focus",
        "met",
        "Goal: chartered scientist. In October I finish my apprenticeship assessment, and I submit my application "
        "next year.",
    ),
    (
        "single_focus",
        "partial",
        "Timeline: in October I finish my apprenticeship assessment, and I submit my application next year.",
    ),
    # "start it in April" dates the goal said before; "start a farm shop" is another one
    (
        "single_focus",
        "met",
        "My goal is to become a head grower. My other big goal is to hike the Appalachian Trail, and I'm hoping to "
        "start it in April.",
    ),
    (
        "single_focus",
        "partial",
        "My goal is to become a head grower. My other big goal is to hike the Appalachian Trail, and I'm hoping to "
        "start a farm shop in April.",
    ),
    # "that's what I want to pass on" points back at what was said; it is no third goal
    (
        "single_focus",
        "met",
        "I'm working towards the DELTA, and longer term I'd like to be a director of studies. My speaking lessons "
        "lifted my group a band on the mock. That's what I want to pass on.",
    ),
    # what a plan of the speaker's holds for "your …" is an offer ("the plan is to be running your induction week")
    (
        "contribution",
        "met",
        "I want to move from the warehouse floor into training new pickers. I've buddied every new starter on nights "
        "for two years, and our error rate on their first month dropped by half. I passed the Level 3 Award in "
        "Education and Training in May and I'm booked on the trainer assessment in October. After that, the plan is "
        "to be running your induction week on my own by the new year.",
        AnswerContext(role="Warehouse Trainer", company="Corran Logistics"),
    ),
    # the role's word in a past event names other people, not this job
    (
        "role_alignment",
        "partial",
        "I want to run a music department one day because music gave me a reason to stay in school. At my last "
        "school most of the other teachers were just coasting, so I started the jazz band myself and took it to the "
        "regional finals. I'm doing my NPQ in middle leadership this spring.",
        AnswerContext(role="Guitar Teacher", company="Brightside Music"),
    ),
    # "the restaurant world": a field named, with a kind before "world", "space" or "trade"
    (
        "role_alignment",
        "partial",
        "My goal is to work my way up in the restaurant world and one day run a kitchen of my own. I've done four "
        "years on the grill at two places and I'm starting my Level 3 supervision course in March.",
        AnswerContext(role="Sous Chef", company="Marlow Dining"),
    ),
    # a question put to the interviewer plans nothing
    (
        "single_focus",
        "missing",
        "I'd rather keep my plans to myself, honestly. Can we go over the rota and the training schedule instead?",
    ),
    # "three years now": time so far, not a time frame ahead
    (
        "timeline",
        "missing",
        "I'm a ramp agent, three years now, and I want to move up to ramp supervisor because I'm the one the new "
        "starters already come to. I'd like to do it here at Skyport, where the turnarounds are tight and the crews "
        "are good.",
        AnswerContext(role="Ramp Supervisor", company="Skyport Handling"),
    ),
    # a goal beside a pastime that the hobby classifier leans on as the race again, unsure, is no career goal
    (
        "single_focus",
        "missing",
        FRANKFURT,
        AnswerContext(role="Maintenance Planner", company="Norsk Paper"),
    ),
    (
        "milestones",
        "missing",
        FRANKFURT,
        AnswerContext(role="Maintenance Planner", company="Norsk Paper"),
    ),
    # a title word used as a verb ("finish ranked") is no title wanted
    (
        "motivation_not_money",
        "clear",
        "My big goal for next season is to finish ranked in the top fifty on the county tennis ladder. I'm ninetieth "
        "now and I practise every evening after my shift.",
        AnswerContext(role="Stock Controller", company="Corran Logistics"),
    ),
    # a rank or pay wanted as a thing ("I want the partner title", "what I'm after is …") is a goal, if a flagged one
    (
        "single_focus",
        "met",
        "So, honestly, I want the partner title. I've been a senior associate for five years at two firms and it's "
        "overdue; the title is the point, and the vote that comes with it. I want it on my card. Joining Harlow gets "
        "me there, which is why I applied.",
        AnswerContext(role="Partner", company="Harlow LLP"),
    ),
    (
        "single_focus",
        "met",
        SEVEN_FIGURES,
        AnswerContext(role="Account Director", company="Telwave"),
    ),
    (
        "motivation_not_money",
        "flagged",
        SEVEN_FIGURES,
        AnswerContext(role="Account Director", company="Telwave"),
    ),
    # a pastime goal after a cleft parsed with "is" as the next verb's auxiliary; a groom's yard work is no pastime
    ("professional_goal", "flagged", EVENTING, AnswerContext(role="Receptionist", company="Orchard Dental")),
    ("professional_goal", "clear", EVENTING, AnswerContext(role="Yard Groom", company="Hollins Eventing")),
    (
        "professional_goal",
        "flagged",
        "The big one for me is my first powerlifting meet in March. I want to total six hundred kilos by then. I drive "
        "a forklift now, and this shift pattern leaves my evenings free for training.",
        AnswerContext(role="Forklift Driver", company="Tarrant Logistics"),
    ),
    (
        "professional_goal",
        "flagged",
        "My main goal this year is my judo black belt. My grading is in May and I train five nights a week, so I need "
        "a job with early finishes.",
        AnswerContext(role="Retail Assistant", company="Hollow Lane Garden Centre"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to earn my Lean Six Sigma black belt by March, so I can lead the improvement projects on your "
        "packing lines.",
        AnswerContext(role="Process Engineer", company="Fenwick Foods"),
    ),
    # pay by the hour is pay; a title wanted because people treat you differently is status, whoever the people are
    (
        "motivation_not_money",
        "flagged",
        "My goal is to get onto the reach truck on nights, because that would put me on another two pounds an hour. "
        "That's really the whole reason.",
        AnswerContext(role="Warehouse Operative", company="Tarrant Logistics"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "I'll be honest, I want the title. It matters to me because people treat you differently when the title is "
        "there, and I've waited long enough.",
        AnswerContext(role="Administration Officer", company="Kerrow College"),
    ),
    # "clean power on the grid" is no title, so what the speaker likes is a real reason beside the pay
    (
        "motivation_not_money",
        "clear",
        "Once my safety training is done next month I want to be climbing turbines full time with your crew. I like "
        "the idea of working on something that puts clean power on the grid, and the pay's a big step up too.",
        AnswerContext(role="Wind Turbine Technician", company="Brackenridge Wind"),
    ),
    # a superlative on a noun whose own relative clause names the speaker praises the noun; a put-down by simile
    (
        "no_boasting",
        "clear",
        "I want to run an office properly, because the best teams I've worked on were the ones where nobody had to "
        "chase the paperwork. I'm starting the ILM Level 3 in September.",
        AnswerContext(role="Office Manager", company="Greaves Surveyors"),
    ),
    (
        "no_boasting",
        "flagged",
        "My goal is to manage a practice office. At my last firm the partners treated the admin staff like furniture, "
        "and half the team were happy to coast, so everything landed on me.",
        AnswerContext(role="Practice Administrator", company="Lyle Accountants"),
    ),
    # open to anything: no direction picked, whatever aims beside it; a choice left within one goal is still one
    (
        "single_focus",
        "missing",
        "I'm open to anything at this point, admin, retail, whatever. I just want to get back into work and build my "
        "confidence up again.",
        AnswerContext(),
    ),
    (
        "single_focus",
        "met",
        "My goal is to become a paramedic with your service. I'll take the degree or the apprenticeship route, I "
        "haven't decided which, but either way I'd start on your patient transport team next spring.",
        AnswerContext(role="Patient Transport Driver", company="Westmoor Ambulance Service"),
    ),
    # "I don't really know" is "I don't know" with a word between; "help me answer" helps the speaker
    (
        "confident_language",
        "partial",
        "Honestly I don't really know yet, I haven't thought that far ahead. Just get a job first, I suppose.",
        AnswerContext(),
    ),
    (
        "contribution",
        "missing",
        "um, what do you mean by plan exactly? what kind of progression do you guys offer here, that would probably "
        "help me answer it better.",
        AnswerContext(role="Games Tester", company="Brightforge Studios"),
    ),
    # doing a line of work, or doing it for a while, is experience; a bare present dated last year is a past
    (
        "past_accomplishment",
        "partial",
        "I've done data entry for a couple of years, so I know my way around a keyboard. My goal now is to move into "
        "payroll and take the CIPP certificate next year.",
        AnswerContext(role="Payroll Assistant", company="Marlow Council"),
    ),
    (
        "past_accomplishment",
        "partial",
        "I did reception at a leisure centre before, so I'd pick it back up quickly. Now I want to train as a medical "
        "secretary.",
        AnswerContext(role="Receptionist", company="Hill Street Surgery"),
    ),
    (
        "past_accomplishment",
        "met",
        "Last year I finish the ESL level 4 at the college. Now my goal is to be a CNC setter here, and in January I "
        "start the setup course.",
        AnswerContext(role="CNC Operator", company="Vantor Machining"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_criterion_status(case):
    criterion, expected, text, *ctx = case
    assert status_of(criterion, text, *ctx) == expected


# The rules alone: rows whose answer is short enough that the re-weighing (tested in test_stack.py) reads the whole
# answer on its own terms; here only the rule's reading is asserted.
RULE_CASES = [
    # a goal that is only a pronoun points back ("this is what I want to do"): one goal, not two
    (
        "single_focus",
        "met",
        "I want to get really good at long-fermentation rye at scale. When my loaf got a distinction, that's when I "
        "knew this is what I want to do. In a year I want to be trusted with the mix on my own.",
        AnswerContext(role="Artisan Baker"),
    ),
    # "the coach company": a company of a kind, not the one at hand
    (
        "role_alignment",
        "partial",
        "I want to become an operations supervisor because I like fixing the day before it goes wrong. Every summer "
        "our reps tell guests to blame the coach company when transfers run late. I'm starting the CIPD foundation "
        "module in March.",
        AnswerContext(),
    ),
    # "delivering value" names nothing done, whoever receives it
    (
        "contribution",
        "partial",
        "My goal is to become a category manager in packaging, because good buying keeps a factory running without "
        "waste. I passed my CIPS Level 4 diploma last year, and I want to keep delivering value for whichever "
        "organisation I work for.",
        AnswerContext(role="Category Manager"),
    ),
    # "what I'd love to do is …": a cleft on a wish said with "would"
    (
        "single_focus",
        "met",
        "What I'd love to do is run the night kitchen at a big hotel, because nights are where a kitchen shows whether "
        "its systems work. I passed my Level 3 food safety in June.",
        AnswerContext(),
    ),
    (
        "milestones",
        "missing",
        "I'd rather keep my plans to myself, honestly. Can we go over the rota and the training schedule instead?",
        AnswerContext(),
    ),
    # a place of one's own wanted ("I want my own crew") is a goal
    (
        "single_focus",
        "met",
        "Down the line I want my own crew. I've run jobs for my uncle's roofing firm for three years, and I'm sitting "
        "the NVQ Level 3 in roof slating in April, because a crew of my own means the work goes out the way I'd want "
        "it on my own house.",
        AnswerContext(role="Roofer", company="Tilecraft"),
    ),
    # "I've got three kids" (= I have), even tagged as a simple past, is no goal reached
    (
        "past_accomplishment",
        "partial",
        "I want to make shift lead here. I've worked nights at the depot for six years, I've got three kids and a car "
        "loan, and the lead rate is two pounds an hour more.",
        AnswerContext(role="Shift Lead", company="Corran Logistics"),
    ),
    # the cleft's clause hanging from the verb that "is" is the auxiliary of
    (
        "single_focus",
        "met",
        "What I'm really working toward is getting my chartership by next spring, because the firms I want to audit "
        "for expect it.",
        AnswerContext(role="Audit Trainee", company="Marsh Pryor"),
    ),
    # an item after a bare comma opened by a hedge says what the goal before it may look like; after "and" it is one
    # more goal
    (
        "single_focus",
        "partial",
        "First, I want to qualify as an electrician. Second, I want to become a site supervisor. And third, I'd like "
        "to get into property, maybe buy a flat to let in the next few years.",
        AnswerContext(),
    ),
    (
        "single_focus",
        "partial",
        "First, I want to qualify as an electrician. Second, I want to become a site supervisor. And third, I'd like "
        "to get into property, and maybe open a cafe with my sister.",
        AnswerContext(),
    ),
    # a count of three goals said aloud is partial, and the re-weighing leaves it there; two said aloud is met
    (
        "single_focus",
        "partial",
        "I've got three things I'm working towards. The first is the CIPD Level 5, which I start in March. The second is moving into employee relations casework. And the third, further out, is an HR business partner role, because I like being the person managers call before a problem gets big.",
        AnswerContext(role="HR Advisor", company="Tamsin Foods"),
    ),
    (
        "single_focus",
        "met",
        "I've got two things I'm working towards: finishing the CIPD Level 5 by June, and then moving into employee relations casework, because I like sorting problems out before they reach a tribunal.",
        AnswerContext(role="HR Advisor", company="Tamsin Foods"),
    ),
    # a goal that is an open question ('not sure what I want to do') or a quip about this interview names none
    (
        "single_focus",
        "missing",
        "Honestly, I'm not sure yet what I want to do long term. I'll figure it out as I go.",
        AnswerContext(),
    ),
    (
        "single_focus",
        "missing",
        "Ha, my career goal right now is to get through this interview without dropping my notes. Next question?",
        AnswerContext(role="Clerk"),
    ),
    # getting by ('get through this year') is no time frame
    (
        "timeline",
        "missing",
        "I don't really know. I'm just trying to get through this year, if I'm honest.",
        AnswerContext(),
    ),
    # a reason for speaking plainly, or for a step, is no reason for the goal: money as the motive is flagged
    (
        "motivation_not_money",
        "flagged",
        "I'll be straight with you, because you'd rather hear it. My target is a hundred thousand in commission by year two. I'm taking the CeMAP course next month because advisers with it close faster. The money's what gets me out of bed, and I'm fine with that.",
        AnswerContext(role="Mortgage Adviser", company="Harbour Lending"),
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to become a mortgage adviser, because buying a house confused my parents for years and I want to be the person who explains it plainly. I'm taking the CeMAP course next month. The money's fine too, but that's not what gets me out of bed.",
        AnswerContext(role="Mortgage Adviser", company="Harbour Lending"),
    ),
    # 'chief' in a job's name is the job, not a title motive; film and TV title sequences are no title either
    (
        "motivation_not_money",
        "clear",
        "I want to be chief electrician at a producing theatre by thirty-five. I'm sitting my 18th Edition exam in April, because a chief has to sign off the whole installation.",
        AnswerContext(role="Deputy Electrician", company="Lantern Playhouse"),
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to lead title sequences for drama, because the opening titles set the tone before a single line is spoken. I've booked a Houdini course for March, and I'd take the title work off your directors.",
        AnswerContext(role="Motion Designer", company="Ninefold"),
    ),
    # motor racing and esports are pastimes, unless the job is in that field
    (
        "professional_goal",
        "flagged",
        "The big thing for me this year is racing. I've done a dozen track days, and next season I want to do the full Caterham championship, six races and a sprint. I've sold cars for four years.",
        AnswerContext(role="Sales Executive", company="Pelham Cars"),
    ),
    (
        "professional_goal",
        "flagged",
        "What I'm working hardest toward is getting our Valorant team into the qualifiers in April. I captain it and run the scrims. I've done a year of first-line support at a college.",
        AnswerContext(role="Help Desk Technician"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to become a race engineer, because I love turning telemetry into a faster car. I'm finishing my motorsport engineering degree in June.",
        AnswerContext(role="Data Engineer", company="Apex Motorsport"),
    ),
    # 'didn't have a clue' runs others down; 'I'm simply the best' boasts; a clue one lacked oneself is no put-down,
    # and 'doing the best I can' no boast
    (
        "no_boasting",
        "flagged",
        "My goal is to run a payroll team. At my last firm the managers didn't have a clue about pensions, and I was the one fixing their mistakes every month.",
        AnswerContext(role="Payroll Officer"),
    ),
    (
        "no_boasting",
        "flagged",
        "I want to lead a design team, because good design makes services easier to use. Honestly, there isn't anyone in this city who can do what I do in Figma; clients ask for me by name because I'm simply the best at it.",
        AnswerContext(role="Product Designer"),
    ),
    (
        "no_boasting",
        "clear",
        "I want to lead a design team, because good design makes services easier to use. When I started I didn't have a clue about accessibility, so I took the IAAP course last year.",
        AnswerContext(role="Product Designer"),
    ),
    (
        "no_boasting",
        "clear",
        "My goal is to become a payroll manager, because clean payroll keeps people's trust. I am doing the best I can "
        "with the training I have, and I start the CIPP course in March.",
        AnswerContext(role="Payroll Officer"),
    ),
    # a result just told, offered again to the employer by name or 'here'; a wish after a past with its own modal is ahead
    (
        "contribution",
        "met",
        "I'm a copywriter, and at Plover Bank I got our renewal emails to a thirty percent open rate. My goal is to lead content for an insurer, and I'd do the same for Greenfinch's renewals.",
        AnswerContext(role="Copywriter", company="Greenfinch Insurance"),
    ),
    (
        "contribution",
        "met",
        "I've cut live highlights to a ten-minute turnaround for six years, and I'll do the same here. My goal is to become a senior editor in sport within three years.",
        AnswerContext(role="Video Editor", company="Kestrel Sports"),
    ),
    (
        "contribution",
        "met",
        "my goal is to move into test automation. i read that you're rebuilding the booking flow this year, and i'd want to help your QA team get smoke tests on it from day one.",
        AnswerContext(role="QA Engineer", company="Lumen"),
    ),
    (
        "contribution",
        "missing",
        "I've cut live highlights to a ten-minute turnaround for six years. My goal is to become a senior editor in sport, and I'd do the same thing every week if I could.",
        AnswerContext(role="Video Editor", company="Kestrel Sports"),
    ),
    # 'Why:' opens a reason
    (
        "goal_why",
        "met",
        "I want to be a detection engineer, writing the rules rather than triaging the alerts. Why: at my last job I spent half of every shift closing the same false positives from one badly tuned rule, so I rewrote the query and cut that alert's volume by seventy percent. That's the work I want.",
        AnswerContext(role="Security Analyst"),
    ),
    # a hedged date alone is a time frame; 'from day one' is a vague one; a result wanted by a date ('have it signed off within…') is ahead
    (
        "timeline",
        "met",
        "My goal is to coach college athletes, because injury prevention is what I care about. I'll probably sit the CSCS exam next spring.",
        AnswerContext(role="Strength Coach"),
    ),
    (
        "timeline",
        "partial",
        "My goal is to become a sous chef, because I love running a section. I'm a fast learner and I'd add value from day one.",
        AnswerContext(role="Line Cook"),
    ),
    (
        "timeline",
        "met",
        "My goal is to register as a biomedical scientist, because a result a clinician acts on should be right. I'm aiming to have the training portfolio signed off within twelve to eighteen months.",
        AnswerContext(role="Trainee Biomedical Scientist"),
    ),
    # one detail is none, in a quip or in an answer of normal length (labellers: missing in 119 answers, partial in
    # 26); two details are a few
    (
        "specificity",
        "missing",
        "Ha. Ask me again after lunch. Right now the only plan is getting through the next half hour.",
        AnswerContext(),
    ),
    (
        "specificity",
        "missing",
        "My goal is to become a site supervisor, because I like seeing a job come together and I want to be the one who keeps a crew safe. I've been labouring at Kier and I know how a site runs, so I'd be useful to the team. Longer term I'd want to do a course of some kind and learn the paperwork side of things properly.",
        AnswerContext(role="Site Supervisor"),
    ),
    (
        "specificity",
        "partial",
        "My goal is to become a site supervisor, because I like seeing a job come together and I want to be the one who keeps a crew safe. I've been labouring at Kier for two years and I know how a site runs, so I'd be useful to the team. Longer term I'd want to do a course of some kind and learn the paperwork side of things properly.",
        AnswerContext(role="Site Supervisor"),
    ),
    # a liking beside a generic goal is a thin reason
    (
        "goal_why",
        "partial",
        "Um, my goal is just to keep growing, you know, and take on more responsibility over time. I'm really passionate about customer service, and I'm a hard worker who gets on with everybody. I want to keep moving forward and see how far I can go.",
        AnswerContext(role="Store Assistant", company="Brightmart"),
    ),
    # a 'would' after a past that gives to the listener's people is an offer; one to colleagues in a story is not
    (
        "contribution",
        "met",
        "My goal is to get qualified teacher status within two years. I passed my CELTA in 2022, and I'd bring the exam-technique sessions I've been running online to your students.",
        AnswerContext(role="English Tutor", company="Northway College"),
    ),
    (
        "contribution",
        "missing",
        "My goal is to get qualified teacher status within two years. At my last school I ran the homework club, and I'd help the other teachers with their marking on Fridays.",
        AnswerContext(role="English Tutor", company="Northway College"),
    ),
    # a series pitched to the listener is an offer
    (
        "contribution",
        "met",
        "What I'm after is getting back to long-form documentary work. I shot a twelve-part series on the port closures in 2021, and I'd like to pitch a series like that to you in my first six months.",
        AnswerContext(role="Staff Photographer", company="The Courier"),
    ),
    # a pastime's result is general experience; a credential beside it is a reached goal
    (
        "past_accomplishment",
        "partial",
        "My goal is to become a payroll manager, because clean payroll is how a firm keeps its people's trust. Last spring I ran a half marathon in under two hours, and I've done payroll for six years.",
        AnswerContext(role="Payroll Officer"),
    ),
    (
        "past_accomplishment",
        "met",
        "My goal is to become a payroll manager, because clean payroll is how a firm keeps its people's trust. Last spring I ran a half marathon in under two hours, and in 2023 I passed my CPP exam.",
        AnswerContext(role="Payroll Officer"),
    ),
    # pastimes the word lists had missed: poker, wine, a food blog, amateur dramatics, an old roadster
    (
        "professional_goal",
        "flagged",
        "Honestly, what drives me most right now is poker. My goal is to reach the final table at a live poker tournament next spring, and I've been grinding online for three years.",
        AnswerContext(role="Data Analyst"),
    ),
    (
        "professional_goal",
        "flagged",
        "My big goal is wine. I'm booked on the Level 3 tasting course in March, and after that I want to tour the Rhone valley with my partner.",
        AnswerContext(),
    ),
    (
        "professional_goal",
        "flagged",
        "What I'm really working toward is my food blog. I post twice a week, and the goal is twenty thousand followers by next summer.",
        AnswerContext(role="Front Desk Agent"),
    ),
    (
        "professional_goal",
        "flagged",
        "My goal this year is to land a part in our amateur dramatics society's spring show, and the auditions are in February.",
        AnswerContext(role="Council Receptionist"),
    ),
    (
        "professional_goal",
        "flagged",
        "What I'm really working towards is getting my old MG roadster back on the road for a car show in June.",
        AnswerContext(role="Receptionist"),
    ),
    # 'your recipes' are the employer's, and a barista's recipes are the job's field
    (
        "professional_goal",
        "clear",
        "My goal is to run the bar as head barista by next year, because I love teaching people to dial in a grinder. Here I'd train your new hires on your recipes.",
        AnswerContext(role="Head Barista", company="Kettle Yard"),
    ),
    # a pastime word inside a reason about other people ('the difference between a holiday and a memory') is no goal
    (
        "professional_goal",
        "clear",
        "In the next two years I want to become the agency's specialist in tailor-made trips to Japan, because a well-planned itinerary is the difference between a holiday and a memory.",
        AnswerContext(),
    ),
    # drifting ('I'll figure the rest out after Christmas') times no plan
    (
        "timeline",
        "missing",
        "Ha, just to survive the busy season, honestly. I'll figure the rest out after Christmas.",
        AnswerContext(),
    ),
    (
        "milestones",
        "missing",
        "Ha, just to survive the busy season, honestly. I'll figure the rest out after Christmas.",
        AnswerContext(),
    ),
    # a question put to the interviewer times no plan of the speaker's
    (
        "timeline",
        "missing",
        "I'd rather keep things open for now. Could you tell me what the team is focused on this quarter?",
        AnswerContext(),
    ),
    # 'I've got my final exam booked for June': 'have got' is a present 'have', so the booking lies ahead
    (
        "timeline",
        "met",
        "My goal is to qualify as a chartered accountant, because small firms need advice they can trust. I've got my final exam booked for June.",
        AnswerContext(),
    ),
    # four distinct goals are partial (labelled partial 14 times, missing 3); 'I have a lot of goals' stays missing
    (
        "single_focus",
        "partial",
        "I want to become a team leader, learn Spanish, get my forklift licence and move into purchasing.",
        AnswerContext(),
    ),
    (
        "single_focus",
        "missing",
        "I have a lot of goals. I want to become a team leader, learn Spanish, get my forklift licence and move into purchasing.",
        AnswerContext(),
    ),
    # '… and I want to be the one doing that': the wish points back at the people it helps; 'doing it' does not
    (
        "goal_why",
        "met",
        "I want to become a welfare rights adviser. Families lose benefits they're owed when nobody checks the forms, and I want to be the one doing that.",
        AnswerContext(),
    ),
    (
        "goal_why",
        "partial",
        "I want to become a network engineer. I've got a mortgage and two kids, and I'd rather be honest about why I'm doing it.",
        AnswerContext(),
    ),
    # 'the graduate programme here' is this employer's; 'the commission here' names pay, not the job
    (
        "role_alignment",
        "met",
        "My goal is to qualify as a chartered surveyor, because good surveys save buyers from bad surprises. Next is the graduate programme here, which runs for two years.",
        AnswerContext(role="Assistant Building Surveyor", company="Pellow and Hart"),
    ),
    (
        "role_alignment",
        "missing",
        "My goal is to become a course director. The commission here is better than where I am now, which is why I applied.",
        AnswerContext(role="Dive Instructor", company="Blue Reef"),
    ),
    # the job named, but the only goal is a pastime: partial
    (
        "role_alignment",
        "partial",
        "Outside the day job, my big goal is wine. I'm booked on the Level 3 tasting course in March, and the night shifts at Harbour Hotel would leave my days free for tastings.",
        AnswerContext(role="Night Auditor", company="Harbour Hotel"),
    ),
    # 'I'd help yours …' and 'What you get: …' offer work to the employer
    (
        "contribution",
        "met",
        "My goal is to lead a collections team, because cash keeps small firms alive. I'd help yours get the overdue book under control.",
        AnswerContext(role="Credit Controller"),
    ),
    (
        "contribution",
        "met",
        "My goal is to run my own kitchen within two years. What you get: tight food costs and a trained brigade across your sites.",
        AnswerContext(role="Kitchen Manager"),
    ),
    # 'carrying that place' boasts
    (
        "no_boasting",
        "flagged",
        "I want to be a duty manager. I've basically been carrying that place on my own for two years, and I want a team that pulls its weight.",
        AnswerContext(role="Duty Manager"),
    ),
    # the goal's title seen on a card is status; 'I ran a depot, so I can run your rotas' equips an offer, it is no reason
    (
        "motivation_not_money",
        "flagged",
        "My goal is to be a regional manager again within a year, and honestly the title matters to me. I want clients to see Regional Manager on my card. I ran a depot of sixty people, so I can run your rotas.",
        AnswerContext(role="Regional Manager"),
    ),
    (
        "goal_why",
        "partial",
        "My goal is to become a transport planner. I ran the yard schedule for forty drivers, so I can run your routes.",
        AnswerContext(role="Transport Planner"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "My goal is to get the operations manager title back, and that's what matters to me. I ran a depot of sixty people, so I can run your rotas and your audits.",
        AnswerContext(role="Operations Manager"),
    ),
    # a count of years spent somewhere ('eight years in retail') is experience, not a time ahead
    (
        "timeline",
        "missing",
        "My goal is to become a store manager, because I like building a team that trusts each other. I'm coming from eight years in retail, and I have four years at Northgate as a supervisor.",
        AnswerContext(role="Store Manager"),
    ),
    (
        "timeline",
        "met",
        "My goal is to become a store manager within two years, because I like building a team that trusts each other. I'm coming from eight years in retail.",
        AnswerContext(role="Store Manager"),
    ),
    # each generic phrase offsets a detail: three details beside 'the next level' are partial
    (
        "specificity",
        "partial",
        "I want to take my career to the next level. I did two years at Halcyon Foods and passed my AAT.",
        AnswerContext(),
    ),
    # status shown to others ('the respect that comes with them', 'on my email signature') is a title motive the money classifier does not clear
    (
        "motivation_not_money",
        "flagged",
        "My goal is to make sergeant. I've run my shift for years without the rank, so I want the stripes and the respect that comes with them.",
        AnswerContext(role="Detention Officer"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "I'm aiming for Director of Engineering within two years. Frankly, I want the word Director on my email signature.",
        AnswerContext(role="Engineering Manager"),
    ),
    # more pastimes: a pilot licence, a black belt, a boat and a cabin on the lake
    (
        "professional_goal",
        "flagged",
        "The main thing for me is my private pilot licence. I've got my checkride in September, and after that I want to build hours toward an instrument rating.",
        AnswerContext(role="Loan Processor"),
    ),
    (
        "professional_goal",
        "flagged",
        "So the big thing for me this year is my black belt, and I train five nights a week for it.",
        AnswerContext(role="Receptionist"),
    ),
    (
        "professional_goal",
        "flagged",
        "My goal is to have my boat and the cabin on the lake paid off by the time I'm forty.",
        AnswerContext(role="Pipeline Welder"),
    ),
    # 'CS38 climbing' names a ticket; a flight attendant's travelling and, with no job given, a pilot's licence beside a commercial pilot goal are the job's field
    (
        "professional_goal",
        "clear",
        "My goal is to become a tree surgery team leader, because safe crews keep their people. Next I'm booked on the CS38 climbing and aerial rescue course in April.",
        AnswerContext(),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to become a purser within two years. I love travelling and meeting new people, and I want to lead a cabin crew.",
        AnswerContext(role="Flight Attendant"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to become a commercial pilot with a regional airline, because I like being trusted with people's safety. I earned my private pilot licence in 2023 and I'll take my commercial checkride in May.",
        AnswerContext(),
    ),
    # with no goal stated and no plan, 'whatever this team needs' ties nothing to the job; a goal on this team does
    (
        "role_alignment",
        "missing",
        "Honestly, I try not to look too far ahead. Whatever this team needs from me, I'm happy to do it.",
        AnswerContext(role="Warehouse Operative", company="Tarn Logistics"),
    ),
    (
        "role_alignment",
        "met",
        "My goal is to become a shift manager on this team within two years. Whatever this team needs from me, I'm happy to do it.",
        AnswerContext(role="Warehouse Operative", company="Tarn Logistics"),
    ),
    # clipped speech: 'Goal is …' with no determiner states a goal; a plural 'Goals are important' does not
    (
        "single_focus",
        "met",
        "Goal is the counterbalance forklift licence this year, then reach trucks after that.",
        AnswerContext(role="Warehouse Operative"),
    ),
    (
        "single_focus",
        "missing",
        "Goals are important, everyone should have them. I'd rather see where things take me.",
        AnswerContext(),
    ),
    # 'Why?' asked aloud opens the reason in the next sentence
    (
        "goal_why",
        "met",
        "I want to become a certified pharmacy technician. Why? One wrong dose can put a patient in hospital, and I'd be the last check before it leaves the counter.",
        AnswerContext(role="Pharmacy Technician"),
    ),
    # a golf handicap, a trek and a Zumba class are pastimes
    (
        "professional_goal",
        "flagged",
        "The goal I've set myself this year is getting my handicap down to single figures by the end of the season.",
        AnswerContext(role="Sales Executive"),
    ),
    (
        "professional_goal",
        "flagged",
        "The goal I'm most serious about is a trek in the Atlas mountains next spring, and I've already booked the leave.",
        AnswerContext(role="Service Desk Analyst"),
    ),
    (
        "professional_goal",
        "flagged",
        "My goal this year is to qualify as a Zumba instructor and run my own Saturday class at the community centre.",
        AnswerContext(role="Payroll Clerk"),
    ),
    # the payslip and 'the higher rate' as the only drivers; a reason for a course is a reason for a step
    (
        "motivation_not_money",
        "flagged",
        "Honestly, for me it's the numbers. My goal is simple: every month the payslip has to be bigger than the month before.",
        AnswerContext(role="Delivery Driver"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "My plan is to move onto the senior rate. I'm taking the Level 3 Award in Education and Training in the spring because the senior band requires it. The higher rate is what I'm after.",
        AnswerContext(role="Maths Tutor"),
    ),
    # the classifier does not clear a put-down the grammar found; the speaker's own lack of a clue is none
    (
        "no_boasting",
        "flagged",
        "My goal is to run my own kitchen within three years. Part of the reason is my last place. Management there didn't have a clue.",
        AnswerContext(role="Sous Chef"),
    ),
    (
        "no_boasting",
        "clear",
        "My goal is to become a deputy manager within two years. I didn't have a clue about rotas when I started, so I asked our manager to teach me.",
        AnswerContext(role="Deputy Manager"),
    ),
    # with no goal stated and no plan, "I'll see how this year goes" dates nothing; a booked course still does
    (
        "timeline",
        "missing",
        "I'm not sure, to be honest. I guess I'll just see how this year goes.",
        AnswerContext(),
    ),
    (
        "timeline",
        "met",
        "I'm not sure about the long run, to be honest. I'm booked on a forklift course in May.",
        AnswerContext(),
    ),
    # a figure moved "from forty to six" right after what the speaker did is their result
    (
        "past_accomplishment",
        "met",
        "My goal is to become a school business manager. I moved us onto online payments in 2022, and the families in arrears went from forty to six by Christmas.",
        AnswerContext(role="School Business Manager"),
    ),
    # help offered with named work is an offer; "help with that" names nothing
    (
        "contribution",
        "met",
        "My goal is to become a senior network engineer. I can help with the branch migrations from day one.",
        AnswerContext(role="Network Engineer"),
    ),
    (
        "contribution",
        "missing",
        "My goal is to become a senior network engineer. If there's a problem, I can help with that.",
        AnswerContext(role="Network Engineer"),
    ),
    # with pay the only driver, the job is tied to what it pays; a title wanted is a goal the job leads to (labelled
    # tied 21 times and partly tied 11), and a real reason keeps the link met
    (
        "role_alignment",
        "partial",
        "My goal is to be earning six figures by thirty. Joining your sales team is the fastest way I can see to get there.",
        AnswerContext(role="Sales Executive", company="Corvan"),
    ),
    (
        "role_alignment",
        "met",
        "Honestly, I want the title. I want Operations Manager on my badge within two years, and this role at Corvan is the step to it.",
        AnswerContext(role="Operations Supervisor", company="Corvan"),
    ),
    (
        "role_alignment",
        "met",
        "My goal is to become an operations manager within two years, because I like fixing how a site runs. This role at Corvan is the step to it.",
        AnswerContext(role="Operations Supervisor", company="Corvan"),
    ),
    # a willingness to serve with no work named is a vague offer: "I'd fit in well", "wherever the hotel needs me"
    (
        "contribution",
        "partial",
        "My goal is to become a team leader within two years. I'm a hard worker and I get on with everyone, so I think I'd fit in well.",
        AnswerContext(role="Customer Service Advisor"),
    ),
    (
        "contribution",
        "partial",
        "I want to keep growing in the hotel world and take on more responsibility. I'm open to wherever the hotel needs me.",
        AnswerContext(role="Room Attendant", company="Harbourside Hotel"),
    ),
    # an offer put as a pseudo-cleft: the listener receiving a person described, or the speaker doing for the employer
    (
        "contribution",
        "met",
        "My goal is to become a temporary works coordinator. What you'd get is someone who'll take the temporary works register off your site managers' plates.",
        AnswerContext(role="Site Engineer", company="Brennan Hale"),
    ),
    (
        "contribution",
        "met",
        "My goal is to run quality and training together. What I'd do for Northgate is build the calibration sessions and the coaching library together.",
        AnswerContext(role="Quality Lead", company="Northgate"),
    ),
    (
        "contribution",
        "missing",
        "My goal is to run quality and training together. What I'd do first is sit the Level 5 exam.",
        AnswerContext(role="Quality Lead", company="Northgate"),
    ),
    # "I'll build them …": the people the speaker will build for are the employer's
    (
        "contribution",
        "met",
        "My goal is to run the education side of a shop. Your shop has three apprentices, and I'll build them a proper training week.",
        AnswerContext(role="Senior Barber"),
    ),
    # an answer given to the interviewer is no offer of work
    (
        "contribution",
        "missing",
        "How do I plan to achieve them? Could you tell me more about what the team is working on first? Then I can give you a proper answer.",
        AnswerContext(role="Graduate Engineer"),
    ),
    # a time in a question put to the interviewer plans nothing; a question the speaker frames for themselves still does
    (
        "timeline",
        "missing",
        "That's a big question. What I'll say is I'm reliable. Whatever you need doing, I'll do it. Is the job five days, or is there weekend work as well?",
        AnswerContext(),
    ),
    (
        "timeline",
        "met",
        "Where do I want to be in five years? Running my own salon, with two chairs and an apprentice.",
        AnswerContext(role="Stylist"),
    ),
    # a title wanted, with this job the way to it, ties the job
    (
        "role_alignment",
        "met",
        "My goal is to be an engineering manager, and this is the role that gets me there. What I want now is the title, if I'm honest.",
        AnswerContext(role="Engineering Manager", company="Holloway Aero"),
    ),
    # "the thing I'm working toward" states a goal; "the thing I like about retail" does not; pastime words
    (
        "professional_goal",
        "flagged",
        "So the thing I'm really working toward is getting my Twitch channel to Partner. The late shifts here would work well around it.",
        AnswerContext(role="Customer Service Advisor", company="Castleford Energy"),
    ),
    (
        "professional_goal",
        "flagged",
        "Next season I want to get my ACU race licence and do the full club championship. This job would give me steady hours for the race weekends.",
        AnswerContext(role="Site Supervisor"),
    ),
    (
        "single_focus",
        "met",
        "The thing I'm working toward is my HGV Class 1 licence, and I've booked the test for June.",
        AnswerContext(role="Warehouse Operative"),
    ),
    (
        "single_focus",
        "missing",
        "The thing I like about retail is the people. I've been on the tills for three years.",
        AnswerContext(role="Sales Assistant"),
    ),
    (
        "single_focus",
        "missing",
        "The thing I want to stress is that I'm reliable. I turn up every day and I get on with people.",
        AnswerContext(role="Sales Assistant"),
    ),
    # a reason for speaking plainly ("because I'd rather you heard it from me") is no reason for the goal
    (
        "motivation_not_money",
        "flagged",
        "I'll be honest with you about how I'm going to get there, because I'd rather you heard it from me. The goal is to get my hourly rate up. At the end of the day it's about what I take home.",
        AnswerContext(role="Sports Massage Therapist"),
    ),
    # a length of time somewhere ("my whole life", "after twenty-four years in the Army") is experience, not a result
    (
        "past_accomplishment",
        "partial",
        "My goal is to become a skipper within five years. I've been around boats my whole life, so I know what the work is like.",
        AnswerContext(role="Deckhand"),
    ),
    (
        "past_accomplishment",
        "partial",
        "My goal is to become an estates manager. After twenty-four years in the Army I'm looking for a new challenge.",
        AnswerContext(role="Estates Officer"),
    ),
    (
        "past_accomplishment",
        "missing",
        "My goal is to become a store manager. After two years in the role I want to apply for the management programme.",
        AnswerContext(role="Deputy Manager"),
    ),
    (
        "past_accomplishment",
        "missing",
        "My goal is to become an estates manager. I've wanted this my whole life.",
        AnswerContext(role="Estates Officer"),
    ),
    # a vague time on a wish of the speaker's ("Long term I want …", "in future") is a horizon; on a plain present none
    (
        "timeline",
        "partial",
        "I want to grow into a data engineering lead. Long term I want to be the person who makes data trustworthy across the whole company.",
        AnswerContext(role="Data Engineer"),
    ),
    (
        "timeline",
        "partial",
        "My goal is to be a professional translator. Maybe in future I will open my own agency.",
        AnswerContext(role="Translator"),
    ),
    (
        "timeline",
        "missing",
        "My goal is to become a ward sister. I like the job most days.",
        AnswerContext(role="Staff Nurse"),
    ),
    # charging higher rates is pay
    (
        "motivation_not_money",
        "flagged",
        "The goal is to get my hourly rate up. So the plan is the Level 4 diploma, because Level 4 lets you charge clinic rates.",
        AnswerContext(role="Sports Massage Therapist"),
    ),
    # making the team able to run without the speaker is no boast; a comparison with half the others, told at length,
    # is one (but "more than half the backlog" is a quantity)
    (
        "no_boasting",
        "clear",
        "My goal is to become an area manager within three years. For your store, I'd fix one process at a time and make sure the deputies can run the place without me.",
        AnswerContext(role="Store Manager"),
    ),
    (
        "no_boasting",
        "flagged",
        "My goal is to qualify as a solicitor through the SQE. The partners used to say I was better on a schedule of loss than half the associates.",
        AnswerContext(role="Senior Paralegal"),
    ),
    (
        "no_boasting",
        "clear",
        "My goal is to run the planning desk within two years. I cut more than half the backlog myself last spring.",
        AnswerContext(role="Transport Planner"),
    ),
    (
        "no_boasting",
        "flagged",
        "My goal is to qualify as a solicitor through the SQE, and I'm well ahead of where most people are at this stage.",
        AnswerContext(role="Senior Paralegal"),
    ),
    # a workplace called a circus runs it down; holding a kitchen together alone is a boast
    (
        "no_boasting",
        "flagged",
        "My plan is to run a production kitchen. I left my last job because, frankly, the place was a circus.",
        AnswerContext(role="Production Sous Chef"),
    ),
    (
        "no_boasting",
        "flagged",
        "My plan is to run a production kitchen. I was holding that kitchen together on my own for a year.",
        AnswerContext(role="Production Sous Chef"),
    ),
    # rowing, a classic car and a resale business are pastimes or side projects; swimming for a swimming teacher is work
    (
        "professional_goal",
        "flagged",
        "The thing I'm really working towards this year is getting into the club's first eight for the Head of the River race in March. The job here would fit round training better.",
        AnswerContext(role="Paralegal"),
    ),
    (
        "professional_goal",
        "flagged",
        "Being honest, the big project for me is my Land Rover, and the aim is to have it through its MOT by next summer.",
        AnswerContext(role="Multi-drop Van Driver"),
    ),
    (
        "professional_goal",
        "flagged",
        "What I'm really building toward is my own vintage clothing business. I've been reselling on Depop for three years, and I want a unit of my own within two years.",
        AnswerContext(role="Assistant Store Manager"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to run the swimming lessons for the whole centre by next summer, because children who can't swim are at risk.",
        AnswerContext(role="Swimming Teacher", company="Riverside Leisure"),
    ),
    # money laundering and the wealth side are work, not pay
    (
        "motivation_not_money",
        "clear",
        "My goal is to get the ICA certificate in anti money laundering and be useful on the wealth side.",
        AnswerContext(role="Compliance Assistant"),
    ),
    # a sentence opened by "So I'll" says what the speaker will do, no purpose; a reason for the status is no reason for the goal
    (
        "motivation_not_money",
        "flagged",
        "What I'm after is the GM badge. I want General Manager on the door with my name under it, and I'd like my old area manager to see it. So I'll take every shift nobody else wants, put my hand up for every opening team, and make sure the regional people know who I am. This post is a quicker route to the title than waiting where I am.",
        AnswerContext(role="Assistant General Manager"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "My plan is to make partner. The honest answer to why is that I want my name on the letterhead. My dad was a partner and people treated him differently because of it, and I want that.",
        AnswerContext(role="Associate"),
    ),
    # a willingness to serve, said with "keep", "happy to" or "willing to", or value added, is a vague offer
    (
        "contribution",
        "partial",
        "My goal is to move into route planning. I'd keep doing a good job for whoever takes me on.",
        AnswerContext(role="Van Driver"),
    ),
    (
        "contribution",
        "partial",
        "That's a good question. Whatever this team needs, I'm happy to fit in.",
        AnswerContext(role="Assistant Store Manager"),
    ),
    (
        "contribution",
        "partial",
        "My goal is to progress into a senior role. I'm a hard worker and I'm always willing to go the extra mile.",
        AnswerContext(role="Paralegal"),
    ),
    (
        "contribution",
        "partial",
        "My goal is to reach the next level, and I'm confident I'd add a lot of value to Pennine along the way.",
        AnswerContext(role="Transport Planner", company="Pennine Fleet Services"),
    ),
    (
        "contribution",
        "missing",
        "My goal is to move into route planning. At my last place I was happy to fit in wherever.",
        AnswerContext(role="Van Driver"),
    ),
    (
        "contribution",
        "met",
        "My goal is to run the planning desk. I'd take the late-running routes off your planners and rebuild them before the January peak.",
        AnswerContext(role="Transport Planner"),
    ),
    # "probate matters" are cases, not something that matters to the speaker
    (
        "goal_why",
        "missing",
        "My goal is to run a private client team. I'd bring about forty probate matters' worth of experience to your team.",
        AnswerContext(role="Associate"),
    ),
    # a job valued for the time it leaves ("fits round it", "evenings free") makes its goal a pastime, unless what it
    # makes room for is named and is work ("fits round my studies")
    (
        "professional_goal",
        "flagged",
        "What I'm really working towards is ringing my first full peal at the cathedral by Easter. The job fits round it, since the late shifts keep my evenings free for practice.",
        AnswerContext(role="Stock Controller"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to lead the night team by next year. The job fits round my studies, because I'm doing the Level 3 in the evenings.",
        AnswerContext(role="Support Worker"),
    ),
    # a goal noun after "but" sets the pastime against the goal; guests heading off on holiday is theirs
    (
        "professional_goal",
        "clear",
        "My goal is to become a duty manager at Harbour Leisure within two years. Outside work I sing in the St Anne's church choir and run the parish quiz on Thursdays, which keeps me sane, but the goal here is the duty manager post.",
        AnswerContext(role="Leisure Assistant"),
    ),
    (
        "professional_goal",
        "clear",
        "I love the buzz of a hotel lobby, guests heading off on holiday, and long term I'd like to work my way up in front office.",
        AnswerContext(),
    ),
    # a line taken back ("No, seriously, …") plans nothing
    (
        "milestones",
        "missing",
        "My career goal? To survive a week of double shifts in March. No, seriously, I haven't got a plan.",
        AnswerContext(role="Kitchen Porter"),
    ),
    (
        "timeline",
        "missing",
        "My career goal? To survive a week of double shifts in March. No, seriously, I haven't got a plan.",
        AnswerContext(role="Kitchen Porter"),
    ),
    # "most weekends" is a quantity, and "my first amateur bout" runs no one down
    (
        "no_boasting",
        "clear",
        "My goal is to become a shift supervisor next year. Outside work I'm out on the hills most weekends, but that's my own time.",
        AnswerContext(role="Warehouse Operative"),
    ),
    (
        "no_boasting",
        "clear",
        "My goal is to run the discharge desk by spring. Outside work I box at the Westside ABC and I've got my first amateur bout in June, but that's my own time.",
        AnswerContext(role="Ward Clerk"),
    ),
    # a name on the office door is status; a purpose for others after "so" is a real reason beside the pay
    (
        "motivation_not_money",
        "flagged",
        "I want to be the transport manager. What I want is my name on the office door, and the drivers knowing I'm in charge.",
        AnswerContext(role="Transport Supervisor"),
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to be the night site supervisor. I'll be honest, the extra pay matters with a family. But I want to run nights properly, so the wards get a porter in five minutes, not twenty.",
        AnswerContext(role="Hospital Porter"),
    ),
    (
        "timeline",
        "met",
        "I'd love to run the place by Friday, only joking, but I do want to lead the night team by 2027.",
        AnswerContext(role="Care Assistant"),
    ),
    # vague timing, a stock aspiration and a non-answer
    (
        "timeline",
        "partial",
        "My goal is to keep learning as a carer and take on more responsibility as time goes on.",
        AnswerContext(role="Care Assistant"),
    ),
    (
        "single_focus",
        "partial",
        "My goal is to be the best support worker I can be.",
        AnswerContext(role="Support Worker"),
    ),
    (
        "single_focus",
        "missing",
        "Honestly, I don't know. Getting through this interview is the goal right now, to be fair.",
        AnswerContext(role="Cleaner"),
    ),
    # a clean record kept is a result; an offer to whichever team is only general
    (
        "past_accomplishment",
        "met",
        "My goal is to become a fuelling supervisor within two years. I've had zero spills in four years on the apron.",
        AnswerContext(role="Refueller"),
    ),
    (
        "contribution",
        "partial",
        "My goal is to become a deputy manager. I'd bring my rota experience to whichever team I end up in.",
        AnswerContext(role="Care Assistant"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to lead the night team by next year. My evenings are free for the Level 3 course, and the job fits round my studies.",
        AnswerContext(role="Support Worker"),
    ),
    # a job kept as a means to a venture; another's holidays; outdoing several people at once; pay valued
    # as what one cares about; what one does now is evidence, not a reason; no direction picked
    (
        "professional_goal",
        "flagged",
        "The big plan is my own van conversion business, getting it to ten builds a year by 2028. A stores role here would be handy for it, because I'd learn how parts are ordered.",
        AnswerContext(role="Stores Assistant"),
    ),
    (
        "professional_goal",
        "flagged",
        "What I'm really working towards is my own range of scented candles, stocked in ten shops by 2028. The clinic job suits me well for now, and it keeps me organised while I build up the candle side.",
        AnswerContext(role="Dental Receptionist"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to qualify as a tree inspector by 2027. I'd keep your paths safe while I build up my inspection hours.",
        AnswerContext(role="Groundsperson"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to lead multi-day trips by 2027. This job is where I'd get the river mileage, and I'd run the gear checks for your crews while I build it.",
        AnswerContext(role="Raft Guide"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to run a packaging shift within a year. Next I'm covering the night supervisor's holidays from March.",
        AnswerContext(role="Packaging Operator"),
    ),
    (
        "no_boasting",
        "flagged",
        "My goal is to lead the inside sales team. Last quarter I booked more demos than the other three reps combined.",
        AnswerContext(role="Sales Development Representative"),
    ),
    (
        "no_boasting",
        "clear",
        "My goal is to lead the inside sales team. Last quarter our team booked more demos than the other two teams combined.",
        AnswerContext(role="Sales Development Representative"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "My goal is to be a senior account manager by 2027. Why? Because commission is the only scoreboard I've ever cared about.",
        AnswerContext(role="Account Manager"),
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to be a senior account manager by 2027. Why? Because a renewal saved is the only scoreboard I've ever cared about.",
        AnswerContext(role="Account Manager"),
    ),
    (
        "motivation_not_money",
        "flagged",
        "What I'm after is the senior nurse title. People listen differently when it's on your badge. I mentor our student nurses and I run the morning huddle.",
        AnswerContext(role="Senior Nurse"),
    ),
    (
        "single_focus",
        "missing",
        "My goal is to keep progressing in quality. I'm not fussy about exactly where, as long as I'm learning.",
        AnswerContext(role="QA Associate"),
    ),
    (
        "single_focus",
        "missing",
        "Long term I'd like to reach the next level, and I'm open to wherever that takes me, QA or something else.",
        AnswerContext(role="QA Associate"),
    ),
    (
        "professional_goal",
        "flagged",
        "The big thing for me this year is getting my pigeons placed in the Barcelona international in July. The site job would give me steady hours so I can get to the lofts.",
        AnswerContext(role="Site Supervisor"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to lead the night team by 2027. The job gives me steady hours so I can finish my degree.",
        AnswerContext(role="Support Worker"),
    ),
    # a short sentence that only announces the goal ("Goal's simple.") heads the verbless goal after it
    (
        "single_focus",
        "met",
        "Goal's simple. Charge nurse on the stroke unit within two years. I passed my IV competency in May, and I've "
        "booked the band six leadership course for October.",
        AnswerContext(role="Staff Nurse"),
    ),
    # but not a negated one
    (
        "single_focus",
        "missing",
        "Goal? No idea, honestly. I just come in and do my shifts.",
        AnswerContext(role="Staff Nurse"),
    ),
    # a comparison no one else wins against the speaker is a boast on its own
    (
        "no_boasting",
        "flagged",
        "Nobody on the ward knows the infusion pumps better than I do. My goal is to become a charge nurse by 2027.",
        AnswerContext(role="Staff Nurse"),
    ),
    # wanting it more than anyone is keenness, not a boast
    (
        "no_boasting",
        "clear",
        "Nobody wants this job more than I do. My goal is to become a charge nurse by 2027.",
        AnswerContext(role="Staff Nurse"),
    ),
    # "in a different league", "years ahead of": set phrases of self-praise
    (
        "no_boasting",
        "flagged",
        "To be fair I'm in a different league from the other apprentices. My goal is to qualify as an electrician "
        "by 2026.",
        AnswerContext(role="Apprentice Electrician"),
    ),
    # a job valued for the days it leaves free makes room for a pastime
    (
        "professional_goal",
        "flagged",
        "The rota leaves me most Sundays, because I race. My target this year is a podium at the national cyclocross "
        "championships in January.",
        AnswerContext(role="Warehouse Operative"),
    ),
    (
        "professional_goal",
        "clear",
        "My goal is to become a shift manager by next summer. The rota leaves me most Sundays, which suits my family.",
        AnswerContext(role="Warehouse Operative"),
    ),
    # "what you get is a planner who …": the listener receives the speaker
    (
        "contribution",
        "met",
        "Goal's simple. Night shift lead at a depot like this one by 2027. What you get is a planner who does his own "
        "checks, and rings in a fault before it turns into a breakdown.",
        AnswerContext(role="Transport Planner"),
    ),
    # but not when what "you get" is a thing for the speaker
    (
        "contribution",
        "missing",
        "My goal is to run a night shift at a depot by 2027. What you get in this job is experience, which is what "
        "I need.",
        AnswerContext(role="Transport Planner"),
    ),  # an announced goal taken back as a joke is no goal
    (
        "single_focus",
        "missing",
        "Career goal? The manager's chair, ideally. Ha. No, sorry, only joking. I'll see where it goes.",
        AnswerContext(role="Sous Chef"),
    ),
    # a verbless goal that the next sentence points back to ("That's the goal") is the goal
    (
        "single_focus",
        "met",
        "Shift lead. That's the goal, on your nights team, inside a year. Why? The nights that run well all have a "
        "lead who knows the pick faces. I got my reach truck licence last year.",
        AnswerContext(role="Staff Nurse"),
    ),
    # but not when that sentence only drifts
    (
        "single_focus",
        "missing",
        "Dunno. That's my plan, really, just see what happens.",
        AnswerContext(role="Staff Nurse"),
    ),
    # a reason given for a step (the exam) is no reason for the goal: the title is the only driver
    (
        "motivation_not_money",
        "flagged",
        "My goal is to make area manager within two years. I'm sitting the CIPS exam in May, because you can't buy for "
        "the region without it. Honestly, it's the title I'm after: I want people to see Area Manager on my badge.",
        AnswerContext(role="Assistant Buyer"),
    ),
    # with a reason of its own, the title is fine
    (
        "motivation_not_money",
        "clear",
        "My goal is to make area manager within two years, because I want to fix how the region plans its stock. "
        "I'm sitting the CIPS exam in May, because you can't buy for the region without it. The title helps too.",
        AnswerContext(role="Assistant Buyer"),
    ),
]


@pytest.mark.parametrize("case", RULE_CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(RULE_CASES)])
def test_rule_status(case):
    criterion, expected, text, context = case
    report = check_content(Transcript.from_text(text), GOALS, context, options=ContentOptions(reweigh=False))
    assert report.get(criterion).status == expected


# Four goals are partial, as three are, so the count in the reason is what tells them apart: an item after a bare
# comma opened by a hedge says what the goal before it may look like, and after "and" it is one more goal.
FIRST_TWO = (
    "First, I want to qualify as an electrician. Second, I want to become a site supervisor. And third, I'd like "
)


@pytest.mark.parametrize(
    "tail, counted",
    [
        ("to get into property, maybe buy a flat to let in the next few years.", "three distinct goals"),
        ("to get into property, and maybe open a cafe with my sister.", "4 distinct goals"),
    ],
)
def test_four_goals_are_counted(tail, counted):
    report = check_content(
        Transcript.from_text(FIRST_TWO + tail), GOALS, AnswerContext(), options=ContentOptions(reweigh=False)
    )
    assert report.get("single_focus").reason == counted


OTHER_QUESTION_CASES = [
    (
        "tell-me-about-yourself",
        "specificity",
        "met",
        "I'm a welder with eight years at Bechtel, certified in TIG and MIG since 2016.",
    ),
    ("tell-me-about-yourself", "confident_language", "missing", "I guess I'm kind of a people person, maybe, I think."),
    (
        "five-years",
        "motivation_not_money",
        "flagged",
        "In five years I want to be earning twice what I make now, that's all I care about.",
    ),
    (
        "five-years",
        "no_boasting",
        "clear",
        "In five years I see myself leading a team of six analysts at a hospital network.",
    ),
]


@pytest.mark.parametrize("qid,criterion,expected,text", OTHER_QUESTION_CASES)
def test_other_questions_use_their_own_criteria(qid, criterion, expected, text):
    question = get_question(qid)
    report = check_content(Transcript.from_text(text), question, AnswerContext())
    assert [c.id for c in report.criteria] == list(question.criteria)
    assert report.get(criterion).status == expected
    assert "single_focus" not in {c.id for c in report.criteria}


# The quote a criterion shows holds the whole thought, not a fragment of it:
# (criterion, answer, words its first quote must hold).
QUOTES = [
    (
        "goal_why",
        "My goal is to become a certified data analyst, who help product teams make matter decisions.",
        "who help product teams make matter decisions",
    ),
    (
        "goal_why",
        "My goal is to become a data analyst who helps product teams make better decisions.",
        "who helps product teams make better decisions",
    ),
    ("goal_why", "I want to become a nurse who helps patients recover faster.", "who helps patients recover faster"),
]


@pytest.mark.parametrize("criterion, text, words", QUOTES)
def test_a_quote_holds_the_whole_thought(criterion, text, words):
    evidence = check_content(Transcript.from_text(text), GOALS, AnswerContext()).get(criterion).evidence
    assert evidence and words in evidence[0].text
