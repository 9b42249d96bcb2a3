import CGPIO
