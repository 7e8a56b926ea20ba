The quick mode's BF program of rpp bench: three nested loops of 20 (8000 inner steps)
then it prints ok and a newline
++++++++++++++++++++[>++++++++++++++++++++[>++++++++++++++++++++[>+<-]<-]<-]
>>>>++++++++++[>+++++++++++<-]>+.----.>++++++++++.
