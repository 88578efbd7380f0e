"""Speaker patterns of issue 12, one table per pattern, with variants (quote before and
after, curly and straight marks, she/they, added/told/wrote/according to, colons,
nested quotes) and cases where the speaker must stay unknown. Sentences written for
these tests; extraction is given no known actors, as on an article nobody annotated."""

from __future__ import annotations

import pytest

from timeline.articles import Article
from timeline.extract.pipeline import article_from_row, extract_article
from timeline.extract.quotes import find_quote_spans
from timeline.extract.sentences import paragraphs


def article(body: str, published: str = "2025-03-14") -> Article:
    return article_from_row(
        {"id": "patterns", "text": body, "search_text": body, "published": published}
    )


def extracted(body: str) -> tuple[list[dict], dict[str, str]]:
    extraction = extract_article(article(body), [], [])
    return extraction.quotes, {a["id"]: a["name"] for a in extraction.actors}


def speaker_of(body: str, opening: str) -> str | None:
    """The name of the speaker of the one quotation that starts with ``opening``."""
    quotes, names = extracted(body)
    found = [q for q in quotes if q["text"].startswith(opening)]
    assert len(found) == 1, [q["text"] for q in quotes]
    return names.get(found[0]["speaker_id"])


# fmt: off
# -- "…," said Name: the verb first, a name never seen before ----------------------------
VERB_FIRST = [
    ("“The harvest came early this year,” said Tomasz Wierzbicki.", "Tomasz Wierzbicki"),
    ('"We are not leaving," said Olusegun Adeyemi, standing outside the court.',
     "Olusegun Adeyemi"),
    ("“It is far too late for that,” added Mei-Ling Chou.", "Mei-Ling Chou"),
    ("“No comment on the merger,” wrote Henrik Solberg in an email.", "Henrik Solberg"),
    ("“The vote is final and binding,” said Rafael Ortiz on Tuesday.", "Rafael Ortiz"),
    ("“It was a fair trial in the end,” said John T. Maxwell.", "John T. Maxwell"),
    ("“Enough is enough for this town,” says Siobhan McAllister-Reid.",
     "Siobhan McAllister-Reid"),
    ("“We were never told about the risk,” said Inés Álvarez.", "Inés Álvarez"),
]


# -- said role Name ---------------------------------------------------------------------
VERB_ROLE_NAME = [
    ("“Sales are down by half,” said bookshop owner Clara Menendez.", "Clara Menendez"),
    ('"We were ready for the storm," said fire chief Daniel O\'Brien.', "Daniel O'Brien"),
    ("“It is a wake-up call for everyone,” said climate scientist Dr. Aisha Bello.",
     "Aisha Bello"),
    ("“The deal is done at last,” said the company's chief executive, Ruth Adler.",
     "Ruth Adler"),
    ("“The deal is done at last,” the company's chief executive, Ruth Adler, said.",
     "Ruth Adler"),
    ("“The smell is unbearable at night,” said one resident, Carla Pinto.", "Carla Pinto"),
    ('"Nobody warned us," one of the parents, Sunita Rao, told the inquiry.', "Sunita Rao"),
    ("“Business has never been this slow,” says local baker Hamid Rezaei.", "Hamid Rezaei"),
]


# -- Its spokesperson, Name, said ----------------------------------------------------------
ITS_ROLE_NAME = [
    ("The ministry declined to comment further. Its spokesperson, Lars Eklund, said: "
     "“We will publish the data next week.”", "Lars Eklund"),
    ("The union called a strike. Its general secretary, Moira Kelly, told members: "
     '"We have no choice left."', "Moira Kelly"),
    ("A spokeswoman for the airline, Jana Novak, said the flights “will resume on Monday "
     "morning.”", "Jana Novak"),
    ("The hospital's director, Pieter Janssen, added: “Every bed is taken.”",
     "Pieter Janssen"),
]


# -- appositions with an age or a description ------------------------------------------
APPOSITIONS = [
    ("“I lost everything in one night,” said Farid Rahimi, 52, a shopkeeper in the old "
     "town.", "Farid Rahimi"),
    ("Farid Rahimi, 52, said: “I lost everything in one night.”", "Farid Rahimi"),
    ("“The shelling started at dawn,” said Olena Marchuk, a 67-year-old retired teacher.",
     "Olena Marchuk"),
    ("Olena Marchuk, a retired teacher from Kharkiv, said “the shelling started at dawn "
     "and never stopped.”", "Olena Marchuk"),
    ('"We waited for hours in the rain," said Kofi Mensah, 31, who drives a taxi.',
     "Kofi Mensah"),
    ("Joan Miller, who has lived on the street for 40 years, said: “We never had a flood "
     "like this.”", "Joan Miller"),
    ("“The school is the heart of the village,” Agnieszka Nowicka, 38, a mother of "
     "three, told the meeting.", "Agnieszka Nowicka"),
]


# -- titles ---------------------------------------------------------------------------
TITLES = [
    ("“We expect a reply very soon,” Foreign Minister Ana Brnabic told reporters.",
     "Ana Brnabic"),
    ("Secretary of State Linda Hargreaves said: “The alliance is united.”",
     "Linda Hargreaves"),
    ("“Talks are still ongoing,” Kremlin spokesman Pavel Orlov told reporters on Monday.",
     "Pavel Orlov"),
    ("White House press secretary Jordan Blake told reporters, “The president has no "
     "plans to travel.”", "Jordan Blake"),
    ("“We will not retreat an inch,” said Defence Secretary Graham Cole.", "Graham Cole"),
    ("Attorney General Nadia Petrova said in a statement that “the investigation is now "
     "closed.”", "Nadia Petrova"),
    ("“The border will stay open,” Interior Minister Karin Holt said.", "Karin Holt"),
]


# -- surname alone: the full name met earlier, else the surname as the article gives it --
SURNAMES = [
    ("Farmer Jack Doyle lost his whole crop. “It was all gone in a night,” Doyle said.",
     "Jack Doyle"),
    ("Judge Miriam Okonkwo heard the case. Okonkwo told the court: “This will not stand.”",
     "Miriam Okonkwo"),
    ("Teacher Lena Fischer teaches 30 children. “We need more space,” she said. "
     "“There is no room,” Fischer added.", "Lena Fischer"),
    ('Engineer Tariq Aziz checked the dam. "The cracks are old," said Aziz.', "Tariq Aziz"),
]


# -- pronouns: whoever spoke last, not the person talked about ------------------------
PRONOUNS = [
    ("“We need more buses,” said councillor Mary Byrne.\n"
     "She criticised transport minister Eamon Ryan for the delays. “He has ignored us "
     "for years,” she said.", "Mary Byrne"),
    ("“Prices are rising fast,” analyst Sofia Lindqvist said. She added that governor "
     "Peter Brandt “has waited far too long.”", "Sofia Lindqvist"),
    ("Mayor Carla Ruiz met the protesters on Friday. “We hear you,” she told them.",
     "Carla Ruiz"),
    ("“We will rebuild,” said shop owner Dev Patel.\n"
     "The fire was started by a neighbour, Colin Shaw, police said. “It is a shock,” he "
     "added.", "Dev Patel"),
    # a person only talked about, after "The body of", does not take the floor
    ("“We will find out what happened,” said coach Ann Berg.\n"
     "The body of Tom Hale was found on Monday. “It is a tragedy,” she said.", "Ann Berg"),
    ("“The food ran out on Tuesday,” said aid worker Grace Mwangi.\n"
     "Her colleague Peter Otieno drove the last truck. “We had nothing left to give,” "
     "he said.", "Peter Otieno"),
]


# -- a title's pronoun: the officeholder named elsewhere, or unknown -------------------
OFFICEHOLDERS = [
    ("Prime Minister Hugo Laine visited the port in June.\n"
     "The prime minister returned on Friday. “The port will reopen,” he said.",
     "Hugo Laine"),
    ("Critic Alma Reyes attacked the plan.\n"
     "The foreign minister rejected the criticism. “Our policy is clear,” he said.", None),
    ("The mayor opened the fair on Saturday. “This town deserves a celebration,” she said."
     "\nLater, Mayor Ruth Okafor cut the ribbon.", "Ruth Okafor"),
]


# -- role nouns: the person the article describes by it, else unknown -----------------
ROLES = [
    ("Nurse Fiona Walsh has worked at the hospital for 20 years. “The ward is full every "
     "night,” the nurse said.", "Fiona Walsh"),
    ("Veteran Marek Nowak served two tours abroad. “Nobody came to help us,” the veteran "
     "said.", "Marek Nowak"),
    ("An analyst at Nordbank, Eva Holm, expects a cut. “Inflation has peaked,” the "
     "analyst added.", "Eva Holm"),
    ("Detective Sergeant Ray Dunmore leads the inquiry. “We have a suspect,” the "
     "detective told reporters.", "Ray Dunmore"),
    ("“I heard two shots at midnight,” a resident said.", None),
    ("“It happens every single year,” said a local farmer.", None),
    ("“Nobody told us anything,” said a nurse who asked not to be named.", None),
    ("“Nobody is safe here any more,” one witness said.", None),
    ("The priest at St Mary's, Father Luca Bianchi, rang the bells. “The village came "
     "together,” the priest said.", "Luca Bianchi"),
]


# -- according to, wrote, told X, colons ----------------------------------------------
VERBS = [
    ("The fire “spread through the whole building within minutes”, according to fire "
     "officer Sam Keller.", "Sam Keller"),
    ("According to Nadia Haddad, a lawyer for the family, “the police ignored every "
     "warning.”", "Nadia Haddad"),
    ("In a post on social media, Senator Kim Ahlberg wrote: “This bill will not pass.”",
     "Kim Ahlberg"),
    ("“We found no survivors in the wreck,” police chief Anton Berg told the Evening "
     "Post.", "Anton Berg"),
    ("Health Minister Ewa Nowak was blunt: “The system is broken.”", "Ewa Nowak"),
    ("“We are saddened by the news,” Meridian Airlines said in a statement.",
     "Meridian Airlines"),
    ("“He told me ‘go home’ and walked away,” said Ines Duarte.", "Ines Duarte"),
    ('"He shouted \u2018run\u2019 and we ran," said Ines Duarte.', "Ines Duarte"),
    ("Officials said the road “would remain closed for several more days.”", None),
]



# -- a surname alone that the article names no further; a body's "it" and "they" ------
ALONE_AND_BODIES = [
    ("“We will appeal the ruling,” Moreno said.", "Moreno"),
    ("“The figures do not add up,” said Castellano.", "Castellano"),
    ("“The lights went out at nine,” said Priya. “Then the water came.”", "Priya"),
    ("“We will appeal,” Moreno said. Luis Moreno, the club's lawyer, filed the papers.",
     "Luis Moreno"),
    ("Police said: “The road will stay closed until Friday.”", None),
    ("“The shelling went on all night,” officials in Zarvanytsia said.", None),
    # a role word inside a body's name leaves it a body
    ("“The plan is cruel and unworkable,” said the Refugee Council.", "Refugee Council"),
    ("“The plan is cruel and unworkable,” the Migrant Rights Network said.",
     "Migrant Rights Network"),
    ("The Driver and Vehicle Agency wrote to owners. “Your licence is valid,” the Driver "
     "and Vehicle Agency said.", "Driver and Vehicle Agency"),
    ("“We stand united,” said the European Union High Representative.", None),
    # the person somebody unnamed is described by does not speak
    ("“There will be no talks,” a source close to Vladimir Putin said.", None),
    ("“There will be no talks,” an aide to President Ann Lee said.", None),
    ("“There will be no talks,” Ukraine's ambassador to Kazakhstan Petr Vrublevsky said.",
     "Petr Vrublevsky"),
    ("The Sentinel cited a letter from the council: “The road will stay closed.”", None),
    ("After the vote, head of the Dock Workers Union Ivo Maric told the radio the deal "
     "“must be fair”: “We will not sign anything else.”", "Ivo Maric"),
    ("“The road will stay closed until Friday,” Officials said.", None),
    ("Rescue worker Ali Demir, 29, said: “We pulled out two children alive.”", "Ali Demir"),
    ("“We pulled out two children alive,” rescue worker Ali Demir, 29, said.", "Ali Demir"),
    ("The Harbour Workers Union rejected the offer on Monday. “It is an insult to every "
     "docker,” they said.", "Harbour Workers Union"),
    ("Northgate Council approved the plan. “This is a good day for the town,” it said in "
     "a statement.", "Northgate Council"),
]


# -- more frames: told X, of X, dashes, brackets, participles, long titles -------------
MORE_FRAMES = [
    ("Anton Berg told the Evening Post: “We found no survivors in the wreck.”", "Anton Berg"),
    ("“We found no survivors,” Anton Berg told the BBC's Today programme.", "Anton Berg"),
    ("Lucia Ferrante of the Rome Tenants Association said “rents have doubled in five "
     "years.”", "Lucia Ferrante"),
    ("“Rents have doubled in five years,” said Lucia Ferrante of the Rome Tenants "
     "Association.", "Lucia Ferrante"),
    ("“We have run out of insulin” — Dr Samir Haddad, a doctor at the clinic.",
     "Samir Haddad"),
    ("Olga Petrenko was quoted as saying: “The factory will close in May.”", "Olga Petrenko"),
    ("In a tweet, Mayor Tom Reyes wrote: “The parade is cancelled.”", "Tom Reyes"),
    ("“Nobody will lose their job,” said Karen Voss, adding that the plant “would stay "
     "open for years.”", "Karen Voss"),
    ("A spokesman for the Nordic Rail Company, Erik Lund, said: “Trains will run again on "
     "Monday.”", "Erik Lund"),
    ("Erik Lund, a spokesman for the company, said trains “will run again from Monday "
     "morning.”", "Erik Lund"),
    ("“It's a disaster for the region,” Ms. Janet Okoye said.", "Janet Okoye"),
    ("“We're not done yet,” she said.", None),
    ("Dr. Helen Park, who led the study, said: “The results surprised us.”\n"
     "“We expected the opposite,” she added.", "Helen Park"),
    ("“Our members are angry,” Grace Chen, president of the teachers' union, told "
     "reporters.", "Grace Chen"),
    # a given name only the shipped table knows, a surname that is also a word
    ("“We welcome the agreement,” said Lena Park.", "Lena Park"),
    # a quotation opening a sentence after one that opens with a person, same paragraph
    ("Mayor Ann Lee spoke to residents. “We will rebuild the bridge.”", "Ann Lee"),
    ("Mayor Ann Lee spoke to residents. Tom Hale was not convinced. “It is too late for "
     "us.”", "Tom Hale"),
    # the person acted upon, or only mentioned: not theirs
    ("Tom Hale was arrested on Monday. “He is innocent and will fight the charges.”", None),
    ("Police arrested Tom Hale on Monday. “He is innocent and will fight the charges.”",
     None),
    # a short phrase a verb of promising, recommending or naming governs is quoted
    ('Amnesty International refers to the detained students as "prisoners of conscience."',
     "Amnesty International"),
    ('Mayor Ann Lee defended the budget whilst promising a "full review" of the costs.',
     "Ann Lee"),
    ('The clinic published new rules, Dr. Ines Okafor recommending "daily testing" for staff.',
     "Ines Okafor"),
    ("“The storm caught us by surprise,” said 72-year-old fisherman Jonas Berg.",
     "Jonas Berg"),
    ("Asked whether he would resign, Minister Paul Lenz said: “Certainly not, not today.”",
     "Paul Lenz"),
    ("“This is about fairness,” Senator Rachel Kim (D-Ore.) said.", "Rachel Kim"),
    ("Opposition leader Mark Devlin said the budget was “a betrayal of working families.”",
     "Mark Devlin"),
    ("“I have seen worse,” the 54-year-old said.", None),
    ("Paramedic Jo Evans reached the scene first.\n“There was smoke everywhere,” the "
     "paramedic recalled.", "Jo Evans"),
    ("“The country deserves better,” former president Luis Arce told supporters in La "
     "Paz.", "Luis Arce"),
    ("The UN's human rights chief, Volker Brandt, said: “Civilians must be protected.”",
     "Volker Brandt"),
    ("“Civilians must be protected,” UN human rights chief Volker Brandt said in Geneva.",
     "Volker Brandt"),
    ("Ali Demir said: “We pulled out two children alive.” His colleague, Mehmet Kaya, "
     "added: “Others are still under the rubble.”", "Mehmet Kaya"),
]


# -- several quotations: each text whole, each speaker (curly, straight, single marks) --
SEVERAL = [
    ('"We\'re not giving up," said Maya Cohen.', [("We're not giving up,", "Maya Cohen")]),
    ("‘We will fight on,’ says Ana Lopes", [("We will fight on,", "Ana Lopes")]),
    ("Witness Lia Moss said: “He yelled ‘get down’ and everyone dropped.”",
     [("He yelled ‘get down’ and everyone dropped.", "Lia Moss")]),
    ("Survivor Leila Nasser said: “We ran to the basement.\n“The walls were shaking.”\n"
     "Rescuers arrived at dawn.",
     [("We ran to the basement.", "Leila Nasser"), ("The walls were shaking.", "Leila Nasser")]),
    ("Mayor Ann Lee said the town would recover. “We have done it before,” she said, "
     "“and we will do it again.”",
     [("We have done it before,", "Ann Lee"), ("and we will do it again.", "Ann Lee")]),
    # a new subject takes the floor from the last speaker
    ("“Our message is simple,” Karl Vogt said. “Pay the workers.”\n"
     "Union leader Rosa Diaz disagreed. “That is not enough,” she said.",
     [("Our message is simple,", "Karl Vogt"), ("Pay the workers.", "Karl Vogt"),
      ("That is not enough,", "Rosa Diaz")]),
    ("The finance minister, Eva Stahl, was asked about the cuts. “They are necessary,” she "
     "replied.", [("They are necessary,", "Eva Stahl")]),
    # "the prime minister" is the one titled so, not the nearest minister
    ("Prime Minister Hugo Laine and Finance Minister Eva Stahl met the unions. “We "
     "listened,” the prime minister said.", [("We listened,", "Hugo Laine")]),
    ("Prime Minister Hugo Laine and Finance Minister Eva Stahl met the unions.\n"
     "The prime minister spoke first. “We listened,” he said.",
     [("We listened,", "Hugo Laine")]),
    ("Rosa Diaz, a union leader, and Karl Vogt, the owner, met on Friday. “It went well,” "
     "Diaz said afterwards.", [("It went well,", "Rosa Diaz")]),
    ("“The decision was taken without us,” the Brookfield Residents Association said.",
     [("The decision was taken without us,", "Brookfield Residents Association")]),
    ("In an interview with the Daily Star, actor Sam Reid said: “I never wanted to be "
     "famous.”", [("I never wanted to be famous.", "Sam Reid")]),
    ("Lena Fischer, 44, and her husband were rescued. “We lost the car but not our "
     "lives,” she said.", [("We lost the car but not our lives,", "Lena Fischer")]),
    ("“This was a planned attack,” Interior Ministry spokesman Col. Ivan Sorokin told the "
     "TASS news agency.", [("This was a planned attack,", "Ivan Sorokin")]),
    ("“This was a planned attack,” said Col. Ivan Sorokin, a spokesman for the Interior "
     "Ministry.", [("This was a planned attack,", "Ivan Sorokin")]),
    ("Chief Executive Officer Dana Whitfield wrote in a memo to staff: “Our priority is "
     "safety.”", [("Our priority is safety.", "Dana Whitfield")]),
    ("“We are asking for a fair wage,” said Tom Hale, a nurse.\nHospital director Ruth "
     "Fox said the trust “cannot afford any more”.",
     [("We are asking for a fair wage,", "Tom Hale"), ("cannot afford any more", "Ruth Fox")]),
    ("Dmitry Peskov, the Kremlin spokesman, told reporters: “There are no plans for "
     "talks.”", [("There are no plans for talks.", "Dmitry Peskov")]),
    ("“There are no plans for talks,” Dmitry Peskov, the Kremlin spokesman, told "
     "reporters.", [("There are no plans for talks,", "Dmitry Peskov")]),
    ("The Kremlin's spokesman Dmitry Peskov said that “there are no plans for talks.”",
     [("there are no plans for talks.", "Dmitry Peskov")]),
]


# -- the same speaker with each speech verb, place of the name and punctuation -------
VERB_VARIANTS = [
    ("“We will not be intimidated,” he told Reuters.", None),
    ("Mayor Ann Lee was at the scene. “We will not be intimidated,” she told Reuters "
     "by phone.", "Ann Lee"),
    ("Ann Lee, speaking to local radio, said: “We will not be intimidated.”", "Ann Lee"),
    ("Ann Lee said on Twitter: “We will not be intimidated by anyone.”", "Ann Lee"),
    ("“We will not be intimidated by anyone,” Ann Lee wrote on Facebook.", "Ann Lee"),
    ("The two leaders said in a joint statement that “the partnership will deepen.”", None),
    ("Kazakh President Kassym-Jomart Tokayev met the envoy. “Our doors are open,” "
     "Tokayev said.", "Kassym-Jomart Tokayev"),
    ("“The vaccine is safe for children,” according to a statement from the Ministry "
     "of Health.", "Ministry of Health"),
    ("The Ministry of Health said in a statement: “The vaccine is safe for children.”",
     "Ministry of Health"),
    ("“The vaccine is safe,” the ministry said, adding that “side effects are rare "
     "and mild.”", None),
    ("Ivo Maric, the head of the dockers' union, said his members “will strike on "
     "Monday unless the offer improves.”", "Ivo Maric"),
    ("“Unless the offer improves, we strike,” Maric, 58, said.", "Maric"),
    ("“We strike on Monday,” union boss Ivo Maric declared.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric announced at a rally.", "Ivo Maric"),
    ("“We strike on Monday,” warned Ivo Maric.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric insisted.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric explained.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric admitted.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric argued.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric posted on X.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric tweeted.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric continued.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric asked.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric replied.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric cautioned.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric predicted.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric vowed.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric acknowledged.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric conceded.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric explained to reporters.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric said in a statement issued by his office.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric said Sunday.", "Ivo Maric"),
    ("“We strike on Monday,” Ivo Maric, who leads the union, said.", "Ivo Maric"),
    ("“We strike on Monday” said Ivo Maric", "Ivo Maric"),
    ("“We strike on Monday!” shouted Ivo Maric.", "Ivo Maric"),
    ("“Will we strike on Monday?” asked Ivo Maric.", "Ivo Maric"),
    ("Ivo Maric: “We strike on Monday.”", "Ivo Maric"),
    ("Ivo Maric had a clear message: “We strike on Monday.”", "Ivo Maric"),
    ("“We strike on Monday,” is how Ivo Maric put it.", "Ivo Maric"),
    ("Ivo Maric told the BBC that “we strike on Monday unless the offer improves.”", "Ivo Maric"),
    ("Ivo Maric, 58, told the BBC that “we strike on Monday unless the offer "
     "improves.”", "Ivo Maric"),
    ("Ivo Maric is quoted as saying “we strike on Monday unless the offer improves.”", "Ivo Maric"),
    ("“We strike on Monday,” said the union's leader.", None),
]


# -- a role that describes a person named with a title or an apposition, else nobody ---
DESCRIBED = [
    ("Ivan Petrenko, a 29-year-old wounded veteran, lives alone now. “Nobody came to "
     "help,” the veteran said.",
     "Ivan Petrenko"),
    ("Ivan Petrenko, a wounded veteran, lives alone now.\nThe flat is cold. “Nobody "
     "came to help,” the veteran said.",
     "Ivan Petrenko"),
    ("Maria Lopes, who has been a nurse for 20 years, works nights. “The ward is "
     "always full,” the nurse said.",
     None),
    ("Maria Lopes, a nurse at the city hospital, works nights. “The ward is always "
     "full,” the nurse said.",
     "Maria Lopes"),
    ("Maria Lopes works nights as a nurse. “The ward is always full,” the nurse said.", None),
    ("Local resident Tom Ward, 70, saw the fire. “It was huge,” the pensioner said.", None),
    ("Anna Kowal, 43, runs the bakery. “Bread prices doubled,” the baker said.", None),
    ("Anna Kowal, 43, a mother of two, was at home. “I grabbed the children,” the "
     "mother said.",
     None),
    ("Father Anton Weiss leads the parish. “Everyone came,” the priest said.", "Anton Weiss"),
    ("Dr Ines Okafor treats the wounded. “We are out of morphine,” the doctor said.",
     "Ines Okafor"),
    ("Sgt. Paul Brady found the car. “It was empty,” the sergeant told reporters.", "Paul Brady"),
    ("The analyst Eva Holm disagrees. “Rates will fall,” the Nordbank analyst said.", "Eva Holm"),
    ("Ivan Petrenko, 29, and Olga Petrenko, 27, fled in March. “We left everything,” "
     "the couple said.",
     None),
]


# -- lines broken and names marked up as scraped pages and Markdown articles have them --
MARKED_UP = [
    ("“We have enough food for a week,” said [Joseph "
     "Mwangi](https://example.org/jm), an aid worker.",
     "Joseph Mwangi"),
    ("[Joseph Mwangi](https://example.org/jm) said: “We have enough food for a "
     "week.”",
     "Joseph Mwangi"),
    ("“We will appeal,” said Mayor Ann Lee.\nThe council will vote in May.\n“We are "
     "ready for it,” she said.",
     "Ann Lee"),
    ("“We have enough food for a week,” said **Joseph Mwangi**, an aid worker.",
     "Joseph Mwangi"),
    ("“We have enough food for a week,”\n\nsaid Joseph Mwangi, an aid worker.",
     "Joseph Mwangi"),
    ("“We have enough food for a week,” Joseph Mwangi, an aid worker, told\nAFP.",
     "Joseph Mwangi"),
    ("Joseph Mwangi told AFP:\n“We have enough food for a week.”",
     "Joseph Mwangi"),
    ("Joseph Mwangi, an aid worker, said:\n\n“We have enough food for a week.\n\n“After "
     "that, nothing.”",
     "Joseph Mwangi"),
]


# -- a title before a name with a middle initial and a suffix: the whole name ------------
INITIALS_AND_SUFFIXES = [
    ("“We will review the schedule,” said Health Secretary Robert F. Kennedy Jr.",
     "Robert F. Kennedy Jr"),
    ("Health and Human Services Secretary Robert F. Kennedy Jr. said, “We will review "
     "the schedule.”",
     "Robert F. Kennedy Jr"),
    ('"The march goes on," said Reverend Martin L. King III.', "Martin L. King III"),
    ("“We will review the schedule,” said Secretary John Q. Smith Sr. on Monday.",
     "John Q. Smith Sr"),
]


# -- said <place or body> <role> <Name>: the person, not the place ---------------------
PLACE_ROLE_NAME = [
    ("“We need more buses on the east side,” said Fayetteville resident Mary Cole.",
     "Mary Cole"),
    ('"We need more buses," said Springfield teacher Mary Cole on Monday.', "Mary Cole"),
    ("“We will not comment on the lawsuit,” said Google spokesman Tom Lee.", "Tom Lee"),
    ("“We need more buses on the east side,” Fayetteville resident Mary Cole said.",
     "Mary Cole"),
]


# -- election roles before a name ----------------------------------------------------------
ELECTION_ROLES = [
    ("Candidate Robert F. Kennedy Jr. told supporters: “We will review the schedule.”",
     "Robert F. Kennedy Jr"),
    ('"We will win this state," said Republican candidate Mary Cole.', "Mary Cole"),
    ("“We will win,” Democratic nominee Tom Lee told the crowd.", "Tom Lee"),
    ("“Four more years,” said incumbent Rosa Diaz.", "Rosa Diaz"),
]

# -- somebody unnamed spoke last: a later pronoun is that person, unknown ----------------
UNNAMED_TAKES_THE_FLOOR = [
    ("Mayor Ann Lee opened the bridge. “It is a great day,” Lee said.\n\nA local "
     "shopkeeper said business had doubled. “We are finally on the map,” she said.",
     None),
    ("Mayor Ann Lee opened the bridge. “It is a great day,” Lee said.\n\nA local "
     "shopkeeper, who asked not to be named, was less sure.\n\n“Nobody comes here in "
     "winter,” she said.",
     None),
    ("Mayor Ann Lee opened the bridge. “It is a great day,” Lee said.\n\n“Nobody comes "
     "here in winter,” a shopkeeper said. “It will be empty by November,” she added.",
     None),
    # a description with the person's name is that person
    ("Mayor Ann Lee opened the bridge. “It is a great day,” Lee said.\n\nA teacher, "
     "Maria Santos, agreed. “We need it,” she said.",
     "Maria Santos"),
    # nobody unnamed spoke since: the named speaker still
    ("“It is a great day,” said Mayor Ann Lee.\n\nShe cut the ribbon at noon. “We "
     "waited ten years,” she said.",
     "Ann Lee"),
]

# -- a relative takes the floor: the relative (unnamed), or the owner of the other gender
RELATIVE_TAKES_THE_FLOOR = [
    # the pronoun of the other gender is the owner the sentence names, not the last speaker
    ("Tomas Berg, 42, is on trial. “Did you see her?” Judge Mark Hale asked. Tomas’ sister "
     "pleaded with him to plead guilty, but he replied “I am not able to do that”.",
     "Tomas Berg"),
    ("Ana Ruiz sat with Mr. Tom Hale. “It is late,” Hale said. Ana's brother begged her to "
     "stay. “I cannot,” she answered.",
     "Ana Ruiz"),
    # the pronoun of the relative's gender is the relative, whom the article does not name
    ("“We will appeal,” said lawyer Tom Hale.\n\nHis wife waited outside the court. “He "
     "works too hard,” she said.",
     None),
    # an owner the article names as nobody, or as two people: unknown, not a guess
    ("“We will appeal,” said lawyer Tom Hale.\n\nMaria's brother pleaded with her. “No,” "
     "she replied.",
     None),
    # a relative with a name is that person (as before)
    ("“We will appeal,” said lawyer Tom Hale.\n\nHis wife, Sara Hale, waited outside. “He "
     "works too hard,” she said.",
     "Sara Hale"),
]

# -- a long relative clause between the subject and its speech verb ---------------------
LONG_RELATIVE_CLAUSE = [
    ("Mayor Ann Lee, who has led the town council since 2010 and who faced criticism over "
     "the budget last year from residents, said: “We will rebuild the bridge.”",
     "Ann Lee"),
    ("Mayor Ann Lee, whose council faced criticism over the budget last year from "
     "residents and from the opposition, told reporters: “We will rebuild the bridge.”",
     "Ann Lee"),
    # the clause belongs to somebody else, and the subject is still the speaker
    ("Mayor Ann Lee met the residents, who have waited since 2010 for a bridge and who "
     "faced years of delays from the council, and said: “We will rebuild the bridge.”",
     "Ann Lee"),
    # an unnamed subject before the clause: nobody known
    ("Mayor Ann Lee left. A resident, who has lived by the river since 1990 and who lost "
     "her house to the flood last year, said: “We will rebuild the bridge.”",
     None),
]

# -- several people speaking together: unknown, not the last one named --------------------
SEVERAL_SPEAKERS = [
    ("Mayor Ann Lee and her deputy Tom Hale opened the bridge.\n\n“We thank everyone for "
     "their patience,” Lee and Hale said.",
     None),
    ("Mayor Ann Lee and her deputy Tom Hale opened the bridge.\n\n“We thank everyone for "
     "their patience,” said Lee and Hale.",
     None),
    ("Mayor Ann Lee and her deputy Tom Hale opened the bridge.\n\nLee and Hale said: “We "
     "thank everyone for their patience.”",
     None),
    ("Mayor Ann Lee opened the bridge.\n\nLee and her deputy Tom Hale said in a joint "
     "letter: “We thank everyone for their patience.”",
     None),
    # plural descriptions stay unknown
    ("Mayor Ann Lee opened the bridge. “It is a great day,” Lee said.\n\n“Nobody comes "
     "here in winter,” residents said.",
     None),
    # one of two people named in the sentence, speaking alone: that person
    ("Mayor Ann Lee met her deputy Tom Hale.\n\n“We thank everyone for their patience,” "
     "said Hale.",
     "Tom Hale"),
]

# -- who replies is not who asked ----------------------------------------------------------
REPLIES = [
    ("Tom Hale, 42, is on trial.\n\n“Did you see her that night?” prosecutor Ann Lee "
     "asked. “I did not,” he replied.",
     "Tom Hale"),
    ("Tom Hale, 42, is on trial.\n\n“Did you see her that night?” prosecutor Ann Lee "
     "asked. “I did not see anyone,” he answered.",
     "Tom Hale"),
    # two people it may be: nobody known, not the asker
    ("Tom Hale and Mark Cole are on trial.\n\n“Did you see her that night?” prosecutor "
     "Ann Lee asked. “I did not,” he replied.",
     None),
    # the last words no question: the reply rule does not apply
    ("Tom Hale, 42, is on trial.\n\n“The court will hear you now,” said Judge Ann Lee. "
     "“Thank you,” she replied.",
     "Ann Lee"),
]

# -- a second verb of the sentence's subject: "X met Y and said" is X's -------------------
SECOND_VERB = [
    ("Mayor Ann Lee met Tom Hale and said: “We thank everyone for coming today.”",
     "Ann Lee"),
    ("Mayor Ann Lee thanked Tom Hale and added: “We thank everyone for coming today.”",
     "Ann Lee"),
    # the object speaking with a verb of its own is still the object
    ("Mayor Ann Lee met Tom Hale, and Hale said: “We thank everyone for coming today.”",
     "Tom Hale"),
]

# -- a role named only later in the article: the one person it introduces so ---------------
NAMED_LATER = [
    ("“We will rebuild the bridge,” the mayor said on Monday.\n\nThe mayor, Ann Lee, has "
     "led the town since 2010.",
     "Ann Lee"),
    ("“We will rebuild the bridge,” the mayor said on Monday.\n\nIts mayor, Ann Lee, has "
     "led the town since 2010.",
     "Ann Lee"),
    # two people introduced by the role later: not a guess
    ("“We will rebuild the bridge,” the mayor said on Monday.\n\nThe mayor, Ann Lee, met "
     "the mayor of Hale, Tom Hale.",
     None),
    # a name later with no role: nobody known
    ("“We will rebuild the bridge,” the mayor said on Monday.\n\nAnn Lee has led the "
     "town since 2010.",
     None),
]

# -- somebody unnamed of a named body: the person speaks, unknown; not the body ------------
UNNAMED_MEMBER = [
    ("Acme Corp cut 200 jobs. “We are pleased with the results,” said a spokesman for Acme.",
     None),
    ("Acme Corp cut 200 jobs. “We are pleased with the results,” an Acme spokesman said.",
     None),
    ("Acme Corp cut 200 jobs. An Acme spokeswoman told Reuters: “We are pleased with the "
     "results.”",
     None),
    ("Acme Corp cut 200 jobs. “We will hire again,” one Acme official said.", None),
    # a spokesman with a name is that person; the body itself speaking is the body
    ("Acme Corp cut 200 jobs. Acme spokesman Tom Lee said: “We are pleased with it.”",
     "Tom Lee"),
    ("Acme Corp cut 200 jobs. “We are pleased with the results,” Acme Corp said.",
     "Acme Corp"),
]

# -- a newspaper as the teller: its own words, or the words of the one it quotes --------
NEWSPAPERS = [
    # the paper's own report
    ("The Chicago Tribune reported that “the deal was signed in secret last month”.",
     "Chicago Tribune"),
    ('"The deal was signed in secret," the Chicago Tribune reported.', "Chicago Tribune"),
    ("According to the Chicago Tribune, “officials were told to stay silent”.",
     "Chicago Tribune"),
    # the one the paper quotes: the person it names, else nobody
    ("The Chicago Tribune quoted Mayor Ann Lee as saying “the car was going far too fast”.",
     "Ann Lee"),
    ("The Chicago Tribune quoted one witness: “The car was going far too fast for the "
     "road.”",
     None),
    ("The Chicago Tribune quoted residents as saying “the car was going far too fast”.",
     None),
    ("In a report, the Chicago Tribune cited a police source: “The car was going far too "
     "fast.”",
     None),
    ("“The car was going far too fast,” one witness told the Chicago Tribune.", None),
    # the same after the quotation: the one quoted "as saying", not the paper
    ("“The car was going far too fast,” the Chicago Tribune quoted Mayor Ann Lee as saying.",
     "Ann Lee"),
    ("Mayor Ann Lee visited the site. “The car was going far too fast,” the Chicago "
     "Tribune quoted her as saying.",
     "Ann Lee"),
    ("“The car was going far too fast,” the Chicago Tribune quoted one witness as saying.",
     None),
    # "reported X as saying", and a relative clause after the one quoted
    ("Mayor Ann Lee visited. “The car was going far too fast,” the Chicago Tribune "
     "reported Lee as saying.",
     "Ann Lee"),
    ("Mayor Ann Lee visited. The Chicago Tribune quoted Lee, who saw the crash, as saying "
     "“the car was going far too fast”.",
     "Ann Lee"),
    ("Mayor Ann Lee visited. “The car was going far too fast,” the Chicago Tribune quoted "
     "Lee, who saw the crash, as saying.",
     "Ann Lee"),
]

# fmt: on


@pytest.mark.parametrize(
    ("body", "speaker"),
    VERB_FIRST + VERB_ROLE_NAME + ITS_ROLE_NAME + APPOSITIONS + TITLES + SURNAMES
    + PRONOUNS + OFFICEHOLDERS + ROLES + VERBS + ALONE_AND_BODIES + MORE_FRAMES
    + VERB_VARIANTS + DESCRIBED + MARKED_UP + INITIALS_AND_SUFFIXES + PLACE_ROLE_NAME
    + NEWSPAPERS + ELECTION_ROLES + UNNAMED_TAKES_THE_FLOOR
    + RELATIVE_TAKES_THE_FLOOR + UNNAMED_MEMBER
    + LONG_RELATIVE_CLAUSE + SEVERAL_SPEAKERS + NAMED_LATER
    + SECOND_VERB + REPLIES,
)  # fmt: skip
def test_the_last_quotation_has_its_speaker(body, speaker):
    quotes, names = extracted(body)
    assert quotes, "no quotation found"
    assert names.get(quotes[-1]["speaker_id"]) == speaker


# -- quotations over paragraphs, never closed, attribution after a line break -----------
# fmt: off
PARAGRAPHS = [
    # straight marks, the newspaper convention: each paragraph a quotation of the first
    ('Survivor Leila Nasser said: "We ran to the basement.\n'
     '"The walls were shaking.\n"Nobody slept that night."',
     ["We ran to the basement.", "The walls were shaking.", "Nobody slept that night."],
     "Leila Nasser"),
    # the attribution in the last paragraph of the quotation
    ("“The first winter was the hardest.\n“We had no heating at all,” said Piotr "
     "Zielinski.", ["The first winter was the hardest.", "We had no heating at all,"],
     "Piotr Zielinski"),
    # never closed, attributed before it
    ("Ranger Edith Cole said: “Stay away from the cliffs until the storm passes",
     ["Stay away from the cliffs until the storm passes"], "Edith Cole"),
    # attribution on the next line (scraped page, the name a link)
    ("“The bridge is not safe to cross.”\nsaid engineer Marta Kowalczyk, in a report "
     "published on Monday.", ["The bridge is not safe to cross."], "Marta Kowalczyk"),
    ("“We have enough food for a week,” said\nJoseph Mwangi, an aid worker in the camp.",
     ["We have enough food for a week,"], "Joseph Mwangi"),
    ("“We have enough food for a week,”\nJoseph Mwangi\ntold the radio.",
     ["We have enough food for a week,"], "Joseph Mwangi"),
]


# fmt: on


@pytest.mark.parametrize(("body", "texts", "speaker"), PARAGRAPHS)
def test_quotations_over_paragraphs_and_lines_keep_text_and_speaker(body, texts, speaker):
    quotes, names = extracted(body)
    assert [q["text"] for q in quotes] == texts
    assert [names.get(q["speaker_id"]) for q in quotes] == [speaker] * len(texts)


def test_every_quotation_says_how_its_speaker_was_found():
    body = "Farmer Jack Doyle lost his whole crop. “It was all gone in a night,” Doyle said."
    (quote,), _ = extracted(body)
    assert quote["extraction_method"].startswith("quotation marks; speaker:")
    assert "Doyle said" in quote["extraction_basis"]


@pytest.mark.parametrize(("body", "expected"), SEVERAL)
def test_each_quotation_whole_with_its_speaker(body, expected):
    quotes, names = extracted(body)
    assert [(q["text"], names.get(q["speaker_id"])) for q in quotes] == expected


# fmt: off
SPANS = [
    # straight single marks, as scraped pages flatten ‘ ’, close only after punctuation
    ("'We will fight on,' said Ana Lopes.", ["We will fight on,"]),
    ("Ana Lopes said: 'We will fight on until the end.'", ["We will fight on until the end."]),
    ("The workers' union said it won't sign the parents' letter.", []),
    ("In the '90s the Sams' lawyer didn't call.", []),
    # a straight ' left open holds no quotation: the one after it stays top-level
    ("Record 'q-2' in file 'a-11' says \"the border stays open,\" and 'a-11' agrees.",
     ["the border stays open,"]),
    # a closing mark follows a word: ’ after a space is an elided year's apostrophe
    ("‘We will fight on,’ said Ana Lopes. ‘The ’90s were worse.’",
     ["We will fight on,", "The ’90s were worse."]),
    # „…“ pairs
    ("„We will fight on until the end“, said Ana Lopes.", ["We will fight on until the end"]),
    # never closed, straight marks: to the paragraph's end
    ('Ana Lopes said: "We will fight on until the end', ["We will fight on until the end"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), SPANS)
def test_quotation_marks_pair_as_news_print_them(text, expected):
    spans = find_quote_spans(text, paragraphs(text))
    assert [q.text for q in spans if q.depth == 0] == expected


# -- the one spoken to is not the speaker: "…", telling the BBC / "…", adding to CNN ------
ADDRESSED = [
    (
        "Retired teacher Olena Marsh, whose son died in the crash, described the verdict as "
        '"a cruel joke", telling the Daily Courier she was "done with courts".',
        "Olena Marsh",
    ),
    (
        'Farmer Tobias Lindqvist called the ruling "a relief", adding to Radio Norden: '
        '"We can plant again this spring."',
        "Tobias Lindqvist",
    ),
]

# -- a connective and "citizen" before the sentence's subject: that person takes the floor
CONNECTIVE_SUBJECT = (
    '"We will appeal," said Marta Kowalczyk. However, Canadian citizen Pavel Novak, '
    "brother of another victim, believes the verdict is right. He described the ruling "
    'as "long overdue".'
)
# fmt: on


@pytest.mark.parametrize("body, speaker", ADDRESSED)
def test_the_medium_spoken_to_after_a_quotation_is_not_its_speaker(body, speaker):
    quotes, names = extracted(body)
    speakers = {names.get(q["speaker_id"]) for q in quotes}
    assert speakers == {speaker}, [(q["text"], names.get(q["speaker_id"])) for q in quotes]


def test_a_subject_after_however_and_citizen_takes_the_floor_for_he():
    assert speaker_of(CONNECTIVE_SUBJECT, "long overdue") == "Pavel Novak"
