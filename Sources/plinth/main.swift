import Host; await PlinthMain.run()
