import pytest

from geo.names import fold, transliterate


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Girnyk", "Hirnyk"),
        ("Selidovo", "Selydove"),
        ("Selidove", "Selydove"),
        ("Селидове", "Selydove"),
        ("Bogoyavlenka", "Bohoiavlenka"),
        ("Avdiyivka", "Avdiivka"),
        ("Zaporizhzhya", "Zaporizhzhia"),
        ("Kurakhovo", "Kurakhove"),
        ("Гірник", "Hirnyk"),
    ],
)
def test_spellings_of_one_place_fold_to_one_key(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("Kyiv", "Kharkiv"), ("Kramatorsk", "Kostiantynivka"),
                                      ("New York", "Niu-York"), ("Sumy", "Sudzha")])
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert fold(a) != fold(b)


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    # examples of the Ukrainian national romanization (Cabinet of Ministers resolution 55, 2010)
    [("Запоріжжя", "Zaporizhzhia"), ("Гірник", "Hirnyk"), ("Богоявленка", "Bohoiavlenka"),
     ("Миколаїв", "Mykolaiv"),
     ("Вінниця", "Vinnytsia"), ("Згорани", "Zghorany"), ("Юр’ївка", "Yurivka"), ("Їжакевич", "Yizhakevych"),
     ("Знам’янка", "Znamianka"), ("Щербухи", "Shcherbukhy")],
)
def test_transliteration_follows_the_national_system(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin
